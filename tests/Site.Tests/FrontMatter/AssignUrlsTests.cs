using Site.Core;
using Site.FrontMatter;
using Site.Tests.Support;

namespace Site.Tests.FrontMatter;

public sealed class AssignUrlsTests
{
    [Theory]
    [InlineData("a/b.md", null, "a/b/index.html")]
    [InlineData("a/index.md", null, "a/index.html")]
    [InlineData("index.md", null, "index.html")]
    [InlineData("page.md", null, "page/index.html")]
    [InlineData("a/Node.js & npm.md", null, "a/node-js-npm/index.html")]
    [InlineData("a/b.md", "custom", "a/custom/index.html")]
    [InlineData("a/index.md", "start", "a/start/index.html")]
    public void Output_paths_follow_the_source_path_and_slug(string source, string? slug, string expected)
    {
        var page = new Page { SourcePath = source, Metadata = PageMetadata.Empty with { Title = "T", Slug = slug } };

        Assert.Equal(expected, AssignUrls.OutputPathOf(page));
    }

    [Fact]
    public async Task Two_pages_claiming_one_url_is_SITE005_at_the_second()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("a.md", "A", frontMatter: "slug: b\n");
        site.Page("b.md", "B");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.DuplicateUrl, "input/b.md", 1, 1, "two pages claim the URL '/b/'");
        Assert.Contains("input/a.md", result.Diagnostics.Single(d => d.Code == DiagnosticCodes.DuplicateUrl).Message);
    }

    [Fact]
    public async Task A_slug_that_takes_another_page_s_url_is_located_at_the_slug()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("a.md", "A");
        site.Page("z.md", "Z", frontMatter: "slug: a\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.DuplicateUrl, "input/z.md", 3, 7, "two pages claim the URL '/a/'");
    }

    [Fact]
    public async Task A_page_taking_a_generated_page_s_url_is_SITE005()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("guide/page.md", "Page", frontMatter: "tags: [venv]\n");
        site.Page("tags/index.md", "My tags");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.DuplicateUrl, "input/tags/index.md", 1, 1, "this page takes the URL '/tags/index.html' that the generated page 'Tags' needs");
    }

    [Fact]
    public async Task The_built_site_uses_the_assigned_urls()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("a/b.md", "B");
        site.Page("a/index.md", "A");
        site.Page("a/c.md", "C", frontMatter: "slug: see\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.True(site.OutputExists("index.html"));
        Assert.True(site.OutputExists("a/index.html"));
        Assert.True(site.OutputExists("a/b/index.html"));
        Assert.True(site.OutputExists("a/see/index.html"));
        Assert.False(site.OutputExists("a/c/index.html"));
    }
}
