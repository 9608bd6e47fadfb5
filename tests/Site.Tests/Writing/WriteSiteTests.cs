using Site.Core;
using Site.Tests.Support;
using Site.Writing;

namespace Site.Tests.Writing;

public sealed class WriteSiteTests
{
    [Fact]
    public async Task A_build_writes_the_site_and_the_marker()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "Hello.\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.Contains("Hello.", site.ReadOutput("index.html"));
        Assert.True(site.OutputExists(OutputFolder.MarkerFile));
        Assert.True(site.OutputExists("assets/site.css"));
    }

    [Fact]
    public async Task A_new_build_replaces_the_earlier_output_whole()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("old.md", "Old page");
        Expect.Success(await site.BuildAsync());
        File.WriteAllText(Path.Combine(site.Output, "stale.txt"), "left by hand");
        Assert.True(site.OutputExists("old/index.html"));

        File.Delete(Path.Combine(site.Input, "old.md"));
        site.Page("new.md", "New page");
        Expect.Success(await site.BuildAsync());

        Assert.True(site.OutputExists("new/index.html"));
        Assert.False(site.OutputExists("old/index.html"));
        Assert.False(site.OutputExists("stale.txt"));
        Assert.True(site.OutputExists(OutputFolder.MarkerFile));
    }

    [Fact]
    public async Task A_rebuild_keeps_the_files_it_would_write_unchanged_and_writes_the_changed_ones_anew()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "Home text.\n");
        site.Page("a.md", "A", "First version.\n");
        Expect.Success(await site.BuildAsync());
        // Handles on the first build's files: writing through one shows whether the second build reused that very file.
        using var unchanged = new FileStream(Path.Combine(site.Output, "index.html"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        using var changed = new FileStream(Path.Combine(site.Output, "a/index.html"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

        site.Page("a.md", "A", "Second version.\n");
        Expect.Success(await site.BuildAsync());
        Assert.Contains("Second version.", site.ReadOutput("a/index.html"));
        Assert.Contains("Home text.", site.ReadOutput("index.html"));
        unchanged.Write("REUSED"u8);
        unchanged.Flush();
        changed.Write("REUSED"u8);
        changed.Flush();

        Assert.StartsWith("REUSED", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("REUSED", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_staging_or_old_folders_are_left_behind()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");

        Expect.Success(await site.BuildAsync());
        Expect.Success(await site.BuildAsync());
        site.Page("broken.md", "Broken", "[x](missing.md)\n");
        Assert.Equal(ExitCode.BuildFailed, (await site.BuildAsync()).ExitCode);

        Assert.Equal(["input", "output"], Directory.GetFileSystemEntries(site.Root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "Version one.\n");
        Expect.Success(await site.BuildAsync());
        File.WriteAllText(Path.Combine(site.Output, "marker.txt"), "still here");
        var before = Snapshot(site.Output);

        site.Page("index.md", "Home", "Version two with [a broken link](nowhere.md).\n");
        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Contains("Version one.", site.ReadOutput("index.html"));
        Assert.Equal("still here", site.ReadOutput("marker.txt"));
    }

    [Fact]
    public async Task A_failed_first_build_creates_no_output_folder()
    {
        using var site = new TestSite();
        site.Write("index.md", "no front matter\n");

        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Static_files_of_the_input_are_copied_byte_for_byte()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x10];
        site.WriteBytes("images/pic.png", bytes);

        Expect.Success(await site.BuildAsync());

        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(site.Output, "images", "pic.png")));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f)) + "@" + File.GetLastWriteTimeUtc(f).Ticks),
        StringComparer.Ordinal);
}
