using System.Text.RegularExpressions;
using Site.Tests.Support;
using Site.Theme;

namespace Site.Tests.Theme;

/// <summary>The default theme's sidebar: whole on small sites, bounded on big ones (so output grows linearly with pages).</summary>
public sealed partial class SidebarTests
{
    [Theory]
    [InlineData(-1, 10, 0, 10)]
    [InlineData(3, 10, 0, 10)]
    [InlineData(0, 120, 0, 50)]
    [InlineData(60, 120, 35, 50)]
    [InlineData(119, 120, 70, 50)]
    [InlineData(-1, 120, 0, 50)]
    public void A_long_section_shows_a_window_around_the_current_page(int current, int total, int start, int count) =>
        Assert.Equal((start, count), PageModel.Window(current, total));

    [Fact]
    public async Task A_page_of_a_long_section_lists_the_pages_around_it_and_counts_the_others()
    {
        using var site = new TestSite { Theme = TestPaths.DefaultTheme };
        site.Page("index.md", "Home");
        for (var i = 1; i <= 120; i++)
            site.Page($"long/p{i:000}.md", $"Page {i:000}");
        site.Page("short/a.md", "Short A");
        Expect.Success(await site.BuildAsync());

        var middle = Sidebar(site.ReadOutput("long/p061/index.html"));
        var elsewhere = Sidebar(site.ReadOutput("short/a/index.html"));

        Assert.Equal(50, PageLinks(middle, "Page "));
        Assert.Contains(">Page 036<", middle);
        Assert.DoesNotContain(">Page 035<", middle);
        Assert.Contains(">Page 085<", middle);
        Assert.DoesNotContain(">Page 086<", middle);
        Assert.Contains("… 35 pages before", middle);
        Assert.Contains("… 35 more pages", middle);
        // A small site shows every section; the long one from its start.
        Assert.Equal(50, PageLinks(elsewhere, "Page "));
        Assert.Contains(">Page 001<", elsewhere);
        Assert.Contains("… 70 more pages", elsewhere);
        Assert.DoesNotContain("pages before", elsewhere);
    }

    [Fact]
    public async Task A_big_site_lists_only_the_current_section_s_pages()
    {
        using var site = new TestSite { Theme = TestPaths.DefaultTheme };
        site.Page("index.md", "Home");
        for (var i = 1; i <= PageModel.FullSidebarLimit; i++)
            site.Page($"s{i % 8}/p{i:000}.md", $"Page {i:000}");
        Expect.Success(await site.BuildAsync());

        var sidebar = Sidebar(site.ReadOutput("s1/p001/index.html"));

        Assert.Contains(">Page 009<", sidebar); // same section
        Assert.DoesNotContain(">Page 002<", sidebar); // section s2
        Assert.Contains(">S2<", sidebar); // which is still there, as a link
    }

    private static string Sidebar(string html) => SidebarElement().Match(html).Value;

    private static int PageLinks(string sidebar, string titleStart) => Regex.Matches(sidebar, ">" + Regex.Escape(titleStart)).Count;

    [GeneratedRegex("<nav id=\"sidebar\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex SidebarElement();
}
