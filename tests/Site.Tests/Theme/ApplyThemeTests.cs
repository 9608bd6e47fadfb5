using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Theme;

public sealed class ApplyThemeTests
{
    [Fact]
    public async Task An_unknown_layout_is_SITE012_at_the_layout_line()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("guide/page.md", "---\ntitle: Wide page\ndescription: x\nlayout: wide\n---\n\nBody\n");

        var result = await site.BuildAsync();

        var text = Expect.Located(result, DiagnosticCodes.UnknownLayout, "input/guide/page.md", 4, 9, "unknown layout 'wide'");
        Assert.EndsWith("(the theme has: home, page, section, tag, tags)", text);
    }

    [Fact]
    public async Task A_known_layout_from_front_matter_is_used()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("guide/page.md", "Listed", frontMatter: "layout: section\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.Contains("<body class=\"layout-section\">", site.ReadOutput("guide/page/index.html"));
    }

    [Fact]
    public async Task Each_kind_of_page_gets_its_default_layout()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("guide/page.md", "Page", frontMatter: "tags: [t]\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.Contains("<body class=\"layout-home\">", site.ReadOutput("index.html"));
        Assert.Contains("<body class=\"layout-page\">", site.ReadOutput("guide/page/index.html"));
        Assert.Contains("<body class=\"layout-section\">", site.ReadOutput("guide/index.html"));
        Assert.Contains("<body class=\"layout-tag\">", site.ReadOutput("tags/t/index.html"));
        Assert.Contains("<body class=\"layout-tags\">", site.ReadOutput("tags/index.html"));
    }

    [Fact]
    public async Task A_theme_without_layouts_is_SITE040()
    {
        using var site = new TestSite();
        using var theme = new TempFolder();
        theme.Write("assets/site.css", "");
        site.Theme = theme.Path;
        site.Page("index.md", "Home");

        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ThemeError);
        Assert.Equal($"site: error SITE040: theme '{theme.Path}' has no layouts/ folder", error.ToString());
    }
}
