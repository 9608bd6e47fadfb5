using Site.Tests.Support;

namespace Site.Tests.EndToEnd;

/// <summary>One build of the fixture with the repository's real theme (others change that theme; this only checks it works).</summary>
public sealed class DefaultThemeSmokeTests
{
    [Fact]
    public async Task The_fixture_builds_with_themes_default()
    {
        Assert.True(Directory.Exists(TestPaths.DefaultTheme), $"{TestPaths.DefaultTheme} is missing");
        using var site = new TestSite(TestPaths.BasicSite) { Theme = TestPaths.DefaultTheme };

        var run = await site.RunCliAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("Built 6 pages, ", run.Out);
        foreach (var page in new[] { "index.html", "basics/index.html", "basics/first/index.html", "advanced/index.html", "tags/index.html", "tags/intro/index.html" })
        {
            var html = site.ReadOutput(page);
            Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        }

        var first = site.ReadOutput("basics/first/index.html");
        Assert.Contains("First steps", first);
        Assert.Contains("href=\"../second/index.html\"", first);
        Assert.Contains("href=\"../../index.html\"", first);
        Assert.True(site.OutputExists("images/logo.png"));
        foreach (var asset in Directory.EnumerateFiles(Path.Combine(TestPaths.DefaultTheme, "assets"), "*", SearchOption.AllDirectories))
            Assert.True(site.OutputExists("assets/" + Path.GetRelativePath(Path.Combine(TestPaths.DefaultTheme, "assets"), asset).Replace('\\', '/')));
    }
}
