using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Markdown;

public sealed class LinkTests
{
    [Fact]
    public async Task A_link_to_a_missing_page_is_SITE010_at_the_link()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("guide/page.md", "Page", "First line.\n\nSee   [the other page](other.md) for more.\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.BrokenLink, "input/guide/page.md", 7, 7, "link to 'other.md': no page or file 'guide/other.md'");
    }

    [Fact]
    public async Task A_link_outside_the_site_is_SITE010()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "[up](../../etc/passwd)\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.BrokenLink, "input/index.md", 5, 1, "points outside the site");
    }

    [Fact]
    public async Task A_link_to_a_missing_anchor_on_another_page_is_SITE011()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "Read [it](guide/page.md#nowhere).\n");
        site.Page("guide/page.md", "Page", "## Somewhere\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.BrokenAnchor, "input/index.md", 5, 6, "'guide/page.md' has no heading or id '#nowhere'");
    }

    [Fact]
    public async Task A_link_to_a_missing_anchor_on_the_same_page_is_SITE011()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "## Here\n\n[down](#there)\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.BrokenAnchor, "input/index.md", 7, 1, "no heading or id '#there' on this page");
    }

    [Fact]
    public async Task Links_are_rewritten_to_relative_index_html_urls()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "[page](guide/page.md#where-packages-go) [section](guide/) [file](files/report.pdf) [web](https://example.org/x.md)\n");
        site.Page("guide/index.md", "Guide", "[home](../index.md) [sibling](page.md)\n");
        site.Page("guide/page.md", "Page", "## Where packages go\n\n[home](../index.md) ![img](../files/report.pdf)\n");
        site.WriteBytes("files/report.pdf", [37, 80, 68, 70]);

        var result = await site.BuildAsync();

        Expect.Success(result);
        var home = site.ReadOutput("index.html");
        Assert.Contains("href=\"guide/page/index.html#where-packages-go\"", home);
        Assert.Contains("href=\"guide/index.html\"", home);
        Assert.Contains("href=\"files/report.pdf\"", home);
        Assert.Contains("href=\"https://example.org/x.md\"", home);
        var section = site.ReadOutput("guide/index.html");
        Assert.Contains("href=\"../index.html\">home</a>", section);
        Assert.Contains("href=\"page/index.html\">sibling</a>", section);
        var page = site.ReadOutput("guide/page/index.html");
        Assert.Contains("href=\"../../index.html\">home</a>", page);
        Assert.Contains("src=\"../../files/report.pdf\"", page);
        Assert.True(site.OutputExists("files/report.pdf"));
    }

    [Fact]
    public async Task Every_broken_link_is_reported_not_just_the_first()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "[a](a.md)\n[b](b.md)\n\n[c](c.md)\n");

        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        var lines = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.Location!.Value.Line).ToList();
        Assert.Equal([5, 6, 8], lines);
    }
}
