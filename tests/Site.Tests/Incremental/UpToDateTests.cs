using Site.Core;
using Site.Incremental;
using Site.Snippets.Running;
using Site.Tests.Support;

namespace Site.Tests.Incremental;

/// <summary>A build that finds nothing changed since the last one, and its output as that build left it, does nothing.</summary>
public sealed class UpToDateTests
{
    private static TestSite TwoPages()
    {
        var site = new TestSite();
        site.Page("index.md", "Home", "Hello.\n");
        site.Page("guide/intro.md", "Intro", "Some text.\n");
        return site;
    }

    private static BuildOptions Options(TestSite site) => site.Options() with { SkipWhenUpToDate = true };

    [Fact]
    public async Task A_second_build_with_nothing_changed_is_up_to_date_and_writes_nothing()
    {
        using var site = TwoPages();
        var first = await site.BuildAsync(Options(site));
        Expect.Success(first);
        Assert.False(first.UpToDate);
        var written = File.GetLastWriteTimeUtc(Path.Combine(site.Output, "index.html"));
        File.SetLastWriteTimeUtc(Path.Combine(site.Input, "index.md"), DateTime.UtcNow.AddHours(1)); // touched, same bytes

        var second = await site.BuildAsync(Options(site));

        Assert.True(second.UpToDate);
        Assert.Equal(ExitCode.Success, second.ExitCode);
        Assert.Equal(first.PageCount, second.PageCount);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public async Task A_changed_page_is_built()
    {
        using var site = TwoPages();
        Expect.Success(await site.BuildAsync(Options(site)));

        site.Page("guide/intro.md", "Intro", "Other text.\n");
        var result = await site.BuildAsync(Options(site));

        Assert.False(result.UpToDate);
        Assert.Contains("Other text.", site.ReadOutput("guide/intro/index.html"));
    }

    [Fact]
    public async Task A_changed_theme_is_built()
    {
        using var site = TwoPages();
        var theme = new TempFolder();
        CopyFolder(TestPaths.TestTheme, theme.Path);
        site.Theme = theme.Path;
        Expect.Success(await site.BuildAsync(Options(site)));

        File.AppendAllText(Path.Combine(theme.Path, "assets", "site.css"), "\n/* changed */\n");
        var result = await site.BuildAsync(Options(site));

        Assert.False(result.UpToDate);
        Assert.Contains("/* changed */", site.ReadOutput("assets/site.css"));
        theme.Dispose();
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("deleted")]
    [InlineData("added")]
    public async Task An_output_folder_changed_by_hand_is_built_again(string change)
    {
        using var site = TwoPages();
        Expect.Success(await site.BuildAsync(Options(site)));

        var page = Path.Combine(site.Output, "index.html");
        switch (change)
        {
            case "edited": File.AppendAllText(page, "<!-- by hand -->"); break;
            case "deleted": File.Delete(page); break;
            default: File.WriteAllText(Path.Combine(site.Output, "extra.html"), "by hand"); break;
        }

        var result = await site.BuildAsync(Options(site));

        Assert.False(result.UpToDate);
        Assert.DoesNotContain("by hand", site.ReadOutput("index.html"));
        Assert.False(site.OutputExists("extra.html"));
    }

    [Fact]
    public async Task Different_options_build_again()
    {
        using var site = TwoPages();
        Expect.Success(await site.BuildAsync(Options(site)));

        var result = await site.BuildAsync(Options(site) with { BaseUrl = "https://example.org/" });

        Assert.False(result.UpToDate);
        Assert.True(site.OutputExists("sitemap.xml"));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_only_costs_the_shortcut()
    {
        using var site = TwoPages();
        // A dangling link in a folder the build leaves out: nothing reads it but the up-to-date check.
        Directory.CreateDirectory(Path.Combine(site.Input, "_notes"));
        File.CreateSymbolicLink(Path.Combine(site.Input, "_notes", "gone.md"), Path.Combine(site.Root, "nowhere.md"));

        var first = await site.BuildAsync(Options(site));
        var second = await site.BuildAsync(Options(site));

        Expect.Success(first);
        Expect.Success(second);
        Assert.False(second.UpToDate);
    }

    [Fact]
    public async Task No_cache_builds_anyway()
    {
        using var site = TwoPages();
        Expect.Success(await site.BuildAsync(Options(site)));

        Assert.False((await site.BuildAsync(Options(site) with { NoCache = true })).UpToDate);
    }

    [Fact]
    public async Task A_new_snippet_runtime_version_builds_again_and_an_unchanged_one_does_not()
    {
        using var site = TwoPages();
        site.Page("guide/run.md", "Run", "```python run\nprint(1)\n```\n");
        var runtimes = new FakeRuntimes();
        Expect.Success(await site.BuildAsync(Options(site), runtimes));

        var same = await site.BuildAsync(Options(site), runtimes);
        runtimes.Version = "2.0";
        var upgraded = await site.BuildAsync(Options(site), runtimes);

        Assert.True(same.UpToDate);
        Assert.Equal(1, same.SnippetsPassed);
        Assert.False(upgraded.UpToDate);
    }

    [Fact]
    public async Task An_up_to_date_build_shows_the_warnings_of_the_build_it_stands_for()
    {
        using var site = TwoPages();
        site.Write("site.yml", "title: Test\nno_such_setting: 1\n");
        var first = await site.BuildAsync(Options(site));
        Expect.Success(first);
        Assert.NotEmpty(first.Diagnostics);

        var second = await site.BuildAsync(Options(site));

        Assert.True(second.UpToDate);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task The_command_line_says_up_to_date_and_a_report_still_builds()
    {
        using var site = TwoPages();
        Assert.Equal(0, (await site.RunCliAsync()).ExitCode);

        var again = await site.RunCliAsync();
        var report = Path.Combine(site.Root, "report.json");
        var reported = await site.RunCliAsync("--report", report);

        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"(?m)^Up to date: 2 pages, 0 warnings, nothing changed since the last build, \d+\.\d\d s -> .*output/$", again.Out);
        Assert.Matches(@"(?m)^Built 2 pages", reported.Out);
        Assert.True(File.Exists(report));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
