using Site.Core;
using Site.Tests.Support;
using Site.Writing;

namespace Site.Tests.Writing;

public sealed class OutputFolderTests
{
    [Fact]
    public void An_empty_or_missing_folder_or_one_we_wrote_is_safe()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["input"]);
        Directory.CreateDirectory(temp["empty"]);
        temp.Write("ours/.site-output", "");
        temp.Write("ours/index.html", "old");

        Assert.Null(OutputFolder.Refusal(temp["missing"], temp["input"], TestPaths.TestTheme));
        Assert.Null(OutputFolder.Refusal(temp["empty"], temp["input"], TestPaths.TestTheme));
        Assert.Null(OutputFolder.Refusal(temp["ours"], temp["input"], TestPaths.TestTheme));
    }

    [Fact]
    public void The_input_folder_is_refused()
    {
        using var temp = new TempFolder();

        Assert.Equal("the output folder is the input folder",
            OutputFolder.Refusal(temp["site"] + Path.DirectorySeparatorChar, temp["site"], TestPaths.TestTheme));
    }

    [Fact]
    public void A_folder_containing_the_input_is_refused()
    {
        using var temp = new TempFolder();

        Assert.Equal("the output folder contains the input folder",
            OutputFolder.Refusal(temp.Path, temp["docs/input"], TestPaths.TestTheme));
    }

    [Fact]
    public void A_folder_whose_name_only_starts_like_the_input_s_parent_is_not_mistaken_for_it()
    {
        using var temp = new TempFolder();

        Assert.Null(OutputFolder.Refusal(temp["site"], temp["site-input"], TestPaths.TestTheme));
    }

    [Fact]
    public void The_theme_or_a_folder_containing_it_is_refused()
    {
        using var temp = new TempFolder();

        Assert.Equal("the output folder contains the theme", OutputFolder.Refusal(temp["theme"], temp["input"], temp["theme"]));
        Assert.Equal("the output folder contains the theme", OutputFolder.Refusal(temp["site"], temp["input"], temp["site/themes/default"]));
    }

    [Fact]
    public void A_repository_root_is_refused_even_when_it_has_our_marker()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["repo/.git"]);
        temp.Write("repo/.site-output", "");
        temp.Write("worktree/.git", "gitdir: elsewhere");

        Assert.Equal("the output folder is a repository root", OutputFolder.Refusal(temp["repo"], temp["input"], TestPaths.TestTheme));
        Assert.Equal("the output folder is a repository root", OutputFolder.Refusal(temp["worktree"], temp["input"], TestPaths.TestTheme));
    }

    [Fact]
    public void A_filesystem_root_or_the_home_folder_is_refused()
    {
        using var temp = new TempFolder();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal("the output folder is a filesystem root or a home folder",
            OutputFolder.Refusal(Path.GetPathRoot(temp.Path)!, temp["input"], TestPaths.TestTheme));
        Assert.NotNull(OutputFolder.Refusal(home, temp["input"], TestPaths.TestTheme));
    }

    [Fact]
    public void A_non_empty_folder_without_the_marker_is_refused()
    {
        using var temp = new TempFolder();
        temp.Write("precious/thesis.docx", "years of work");

        var refusal = OutputFolder.Refusal(temp["precious"], temp["input"], TestPaths.TestTheme);

        Assert.StartsWith("the output folder is not empty and was not written by this tool (no .site-output file)", refusal);
    }

    [Fact]
    public async Task Output_equal_to_input_exits_2_with_SITE051_and_touches_nothing()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        var run = await CliRun.RunAsync("build", "--input", site.Input, "--output", site.Input, "--theme", site.Theme);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"site: error SITE051: refusing to write to '{site.Input}': the output folder is the input folder", run.Error);
        Assert.Equal([Path.Combine(site.Input, "index.md")], Directory.GetFileSystemEntries(site.Input));
    }

    [Fact]
    public async Task Output_containing_the_input_exits_2()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        var run = await CliRun.RunAsync("build", "--input", site.Input, "--output", site.Root, "--theme", site.Theme);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error SITE051: ", run.Error);
        Assert.Contains("the output folder contains the input folder", run.Error);
        Assert.True(File.Exists(Path.Combine(site.Input, "index.md")));
    }

    [Fact]
    public async Task An_output_folder_with_git_exits_2_and_is_left_alone()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        Directory.CreateDirectory(Path.Combine(site.Output, ".git"));
        File.WriteAllText(Path.Combine(site.Output, "README.md"), "a repository");

        var run = await site.RunCliAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error SITE051: ", run.Error);
        Assert.Contains("the output folder is a repository root", run.Error);
        Assert.Equal("a repository", File.ReadAllText(Path.Combine(site.Output, "README.md")));
        Assert.False(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task A_non_empty_output_folder_without_the_marker_exits_2_and_is_left_alone()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "notes.txt"), "mine");

        var run = await site.RunCliAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no .site-output file", run.Error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(site.Output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_facade_reports_an_unsafe_output_as_a_usage_error()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        var result = await site.BuildAsync(site.Options() with { OutputDirectory = site.Input });

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal(DiagnosticCodes.UnsafeOutputFolder, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(result.Timings);
    }
}
