using System.Xml.Linq;
using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.PostProcessing;

/// <summary>sitemap.xml, feed.xml, the 404 page and canonical links.</summary>
public sealed class FeedsTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly TestSite site = new() { Theme = TestPaths.DefaultTheme };

    public FeedsTests()
    {
        site.Page("index.md", "Home", "Welcome.");
        site.Page("guide/old.md", "Old page", "Text.", "date: 2026-01-05\ndescription: The old one.\ntags: [a]\n");
        site.Page("guide/new.md", "New page", "Text.", "date: 2026-11-20\n");
        site.Page("guide/undated.md", "Undated", "Text.");
    }

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Without_a_base_url_there_is_no_sitemap_feed_or_canonical_link()
    {
        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.False(site.OutputExists("sitemap.xml"));
        Assert.False(site.OutputExists("feed.xml"));
        Assert.DoesNotContain("rel=\"canonical\"", site.ReadOutput("guide/new/index.html"));
    }

    [Fact]
    public async Task With_a_base_url_the_sitemap_lists_every_page_by_its_absolute_url()
    {
        var result = await site.BuildAsync(site.Options() with { BaseUrl = "https://example.org/docs/" });

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var locs = XDocument.Parse(site.ReadOutput("sitemap.xml")).Descendants(Sitemap + "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.org/docs/", locs);
        Assert.Contains("https://example.org/docs/guide/new/", locs);
        Assert.Contains("https://example.org/docs/guide/undated/", locs);
        Assert.DoesNotContain(locs, l => l.Contains("404"));
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/docs/guide/new/\">", site.ReadOutput("guide/new/index.html"));
    }

    [Fact]
    public async Task The_atom_feed_holds_dated_pages_newest_first()
    {
        await site.BuildAsync(site.Options() with { BaseUrl = "https://example.org/docs" });

        var feed = XDocument.Parse(site.ReadOutput("feed.xml")).Root!;
        Assert.Equal("2026-11-20T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["New page", "Old page"], entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("https://example.org/docs/guide/old/", entries[1].Element(Atom + "id")!.Value);
        Assert.Equal("The old one.", entries[1].Element(Atom + "summary")!.Value);
    }

    [Fact]
    public async Task There_is_a_404_page_outside_the_navigation()
    {
        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var page = site.ReadOutput("404.html");
        Assert.Contains("Page not found", page);
        Assert.Contains("href=\"index.html\"", page);
        Assert.DoesNotContain("Page not found", site.ReadOutput("index.html"));
    }
}
