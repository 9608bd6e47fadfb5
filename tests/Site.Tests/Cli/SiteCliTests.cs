using Site.Tests.Support;

namespace Site.Tests.Cli;

public sealed class SiteCliTests
{
    [Fact]
    public async Task Build_help_exits_0_and_lists_every_option()
    {
        var run = await CliRun.RunAsync("build", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--input", "--output", "--theme", "--drafts", "--base-url", "--timings" })
            Assert.Contains(option, run.Out);
        Assert.Contains("Build the site into the output folder", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Root_help_exits_0_and_lists_the_build_command()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("build", run.Out);
        Assert.Contains("Builds a documentation site from Markdown pages", run.Out);
    }

    [Theory]
    [InlineData("check", new[] { "--input", "--no-cache", "--frozen", "--cache-dir", "--python-library", "--report" })]
    [InlineData("bundle", new[] { "--zip", "--input", "--theme", "--frozen", "--report" })]
    [InlineData("build", new[] { "--no-cache", "--frozen", "--cache-dir", "--python-library", "--report" })]
    public async Task Every_command_lists_its_options(string command, string[] options)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(options, option => Assert.Contains(option, run.Out));
    }

    [Fact]
    public async Task Frozen_and_no_cache_together_are_a_usage_error()
    {
        var run = await CliRun.RunAsync("check", "--frozen", "--no-cache");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frozen and --no-cache cannot be combined", run.Error);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_with_a_usage_error()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        var run = await site.RunCliAsync("--colour");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("site: error: ", run.Error);
        Assert.Contains("--colour", run.Error);
        Assert.Contains("Run 'site --help' for usage.", run.Error);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        var run = await CliRun.RunAsync("publish");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("publish", run.Error);
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData("ftp://example.org/")]
    [InlineData("/relative/path")]
    public async Task A_base_url_that_is_not_an_absolute_http_url_exits_2(string url)
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        var run = await site.RunCliAsync("--base-url", url);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"site: error: --base-url must be an absolute http(s) URL, not '{url}'", run.Error);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_base_url_gives_canonical_urls()
    {
        using var site = new TestSite();
        site.Theme = Path.Combine(site.Root, "theme");
        TempFolder.CopyTree(TestPaths.TestTheme, site.Theme);
        File.AppendAllText(Path.Combine(site.Theme, "layouts", "page.hbs"), "<link rel=\"canonical\" href=\"{{page.canonical}}\">\n");
        site.Page("index.md", "Home");
        site.Page("guide/page.md", "Page");

        var run = await site.RunCliAsync("--base-url", "https://example.org/docs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/docs/guide/page/\">", site.ReadOutput("guide/page/index.html"));
    }

    [Fact]
    public async Task A_missing_input_folder_exits_2_with_SITE050()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("build", "--input", temp["nope"], "--output", temp["out"], "--theme", TestPaths.TestTheme);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"site: error SITE050: input folder '{temp["nope"]}' does not exist", run.Error);
    }

    [Fact]
    public async Task A_missing_theme_folder_exits_2_with_SITE050()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Theme = Path.Combine(site.Root, "no-theme");

        var run = await site.RunCliAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"site: error SITE050: theme folder '{site.Theme}' does not exist", run.Error);
    }

    [Fact]
    public async Task A_failed_build_exits_1_prints_diagnostics_on_stderr_and_a_failure_summary()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "[x](missing.md)\n");

        var run = await site.RunCliAsync();

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("input/index.md(5,1): error SITE010: link to 'missing.md': no page or file 'missing.md' in the input", line);
        Assert.Matches(@"Build failed: 1 pages, 0 warnings, 1 error, \d+\.\d\d s; .*output/ left unchanged", run.Out);
    }

    [Fact]
    public async Task Timings_print_the_time_of_each_stage()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        var run = await site.RunCliAsync("--timings");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Time per stage:", run.Out);
        foreach (var stage in new[] { "settings", "read", "front matter", "markdown", "links", "render", "theme", "write" })
            Assert.Matches($@"\n  {stage} +\d+\.\d ms", run.Out);
    }
}
