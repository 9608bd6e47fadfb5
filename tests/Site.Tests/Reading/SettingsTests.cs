using Site.Core;
using Site.Reading;
using Site.Tests.Support;

namespace Site.Tests.Reading;

public sealed class SettingsTests
{
    [Fact]
    public void Site_yml_sets_every_known_setting()
    {
        var diagnostics = new Diagnostics();
        const string yaml = """
            title: My guide
            description: About things.
            author: Me
            language: de
            home: Start
            baseUrl: https://example.org/guide/
            navigation: [runtime, environments]
            sections: { async: Async things }
            """;

        var settings = LoadSettings.Parse(yaml, "site.yml", SiteSettings.Default, diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal("My guide", settings.Title);
        Assert.Equal("About things.", settings.Description);
        Assert.Equal("Me", settings.Author);
        Assert.Equal("de", settings.Language);
        Assert.Equal("Start", settings.HomeTitle);
        Assert.Equal("https://example.org/guide/", settings.BaseUrl);
        Assert.Equal(["runtime", "environments"], settings.Navigation.ToArray());
        Assert.Equal("Async things", settings.SectionTitles["async"]);
    }

    [Fact]
    public async Task A_malformed_site_yml_is_SITE030_at_the_line_of_the_yaml_error()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("site.yml", "title: Broken\nauthor: Me\ndescription: \"unclosed\nlanguage: en\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedSettings, "input/site.yml", 3, 14, "malformed site settings: ");
    }

    [Fact]
    public async Task An_unclosed_list_in_site_yml_is_SITE030_not_a_crash()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("site.yml", "title: Broken\nnavigation: [a, b\ndescription: x\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedSettings, "input/site.yml", 1, 1, "malformed site settings: an unclosed '[', '{' or quote?");
    }

    [Fact]
    public async Task Navigation_that_is_not_a_list_is_SITE030_at_its_value()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("site.yml", "title: T\nnavigation: runtime\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedSettings, "input/site.yml", 2, 13, "navigation must be a list");
    }

    [Fact]
    public void A_relative_base_url_is_SITE030()
    {
        var diagnostics = new Diagnostics();

        LoadSettings.Parse("baseUrl: guide/\n", "site.yml", SiteSettings.Default, diagnostics);

        Expect.Located(diagnostics.Sorted(), DiagnosticCodes.MalformedSettings, "site.yml", 1, 10, "baseUrl 'guide/' is not an absolute URL");
    }

    [Fact]
    public async Task An_unknown_setting_is_a_SITE031_warning_and_the_build_succeeds()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("site.yml", "title: T\ncolour: blue\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Expect.Located(result.Diagnostics, DiagnosticCodes.UnknownSetting, "input/site.yml", 2, 1, "unknown setting 'colour'", "warning");
    }
}
