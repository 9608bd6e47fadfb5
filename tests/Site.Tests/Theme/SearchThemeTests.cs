using Site.PostProcessing;
using Site.Tests.Support;

namespace Site.Tests.Theme;

/// <summary>The default theme's search UI: on every page, with URLs relative to that page.</summary>
public sealed class SearchThemeTests
{
    [Fact]
    public async Task Every_page_has_the_search_button_dialog_and_scripts_with_relative_urls()
    {
        using var site = new TestSite(TestPaths.BasicSite) { Theme = TestPaths.DefaultTheme };

        Expect.Success(await site.BuildAsync());

        Assert.True(site.OutputExists(BuildSearchIndex.OutputPath));
        Assert.True(site.OutputExists("assets/search.js"));
        foreach (var (page, root) in new[] { ("index.html", ""), ("basics/index.html", "../"), ("basics/first/index.html", "../../"), ("tags/intro/index.html", "../../") })
        {
            var html = site.ReadOutput(page);
            Assert.Contains("<button type=\"button\" class=\"search-button\" aria-haspopup=\"dialog\" aria-controls=\"search\"", html);
            Assert.Contains($"<dialog id=\"search\" class=\"search-dialog\" aria-label=\"Search\" data-root=\"{root}\" data-index=\"{root}assets/search-index.js\">", html);
            Assert.Contains("role=\"combobox\"", html);
            Assert.Contains("<ul id=\"search-results\" class=\"search-results\" role=\"listbox\"", html);
            Assert.Contains($"<script defer src=\"{root}assets/search.js\"></script>", html);
        }
    }
}
