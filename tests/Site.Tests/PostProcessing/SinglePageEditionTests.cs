using System.Text.RegularExpressions;
using Site.Core;
using Site.PostProcessing;
using Site.Tests.Support;

namespace Site.Tests.PostProcessing;

public sealed class SinglePageEditionTests : IDisposable
{
    private readonly TestSite site = new() { Theme = TestPaths.DefaultTheme };

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Every_page_is_in_reading_order_with_unique_ids_and_links_inside_the_document()
    {
        site.Page("index.md", "Home", "Start with [the first page](guide/first.md#details).");
        site.Page("guide/first.md", "First", "## Details {#details}\n\nSee [below](#details) and [second](second.md).\n\n![logo](../img/logo.png)\n", "order: 1\n");
        site.Page("guide/second.md", "Second", "## Details {#details}\n\nBack to [first](first.md).\n", "order: 2\n");
        site.WriteBytes("img/logo.png", [1, 2, 3]);

        var result = await site.BuildAsync(site.Options() with { SinglePage = true });

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var html = site.ReadOutput(SinglePageEdition.OutputPath);
        var order = new[] { "id=\"home\"", "id=\"guide-first\"", "id=\"guide-second\"" }.Select(id => html.IndexOf(id, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("id=\"guide-first--details\"", html);
        Assert.Contains("id=\"guide-second--details\"", html);
        Assert.Contains("href=\"#guide-first--details\">the first page</a>", html);
        Assert.Contains("href=\"#guide-first--details\">below</a>", html);
        Assert.Contains("href=\"#guide-second\">second</a>", html);
        Assert.Contains("src=\"img/logo.png\"", html);
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("href=\"single-page.html\"", site.ReadOutput("index.html")); // the footer points at it
    }

    [Fact]
    public async Task A_normal_build_has_no_single_page_edition()
    {
        site.Page("index.md", "Home", "Text.");

        await site.BuildAsync();

        Assert.False(site.OutputExists(SinglePageEdition.OutputPath));
        Assert.DoesNotContain("single-page.html", site.ReadOutput("index.html"));
    }
}
