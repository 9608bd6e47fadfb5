using Site.Cli;
using Site.Core;
using Site.Snippets.Engines;

namespace Site.Tests.Support;

/// <summary>
/// A site in a temp folder: <c>input/</c> to write pages into, <c>output/</c> to build to, the test theme by default.
/// Builds run through <see cref="SiteBuilder"/> (or the command line), with absolute paths only.
/// </summary>
internal sealed class TestSite : IDisposable
{
    private readonly TempFolder folder = new();

    public TestSite(string? copyFrom = null)
    {
        Directory.CreateDirectory(Input);
        if (copyFrom is not null)
            TempFolder.CopyTree(copyFrom, Input);
    }

    public string Root => folder.Path;

    public string Input => folder["input"];

    public string Output => folder["output"];

    public string Theme { get; set; } = TestPaths.TestTheme;

    /// <summary>Writes a file of the input (relative to input/).</summary>
    public string Write(string relative, string text) => folder.Write(Path.Combine("input", relative), text);

    public string WriteBytes(string relative, byte[] bytes) => folder.WriteBytes(Path.Combine("input", relative), bytes);

    /// <summary>A page with a title and the given body.</summary>
    public string Page(string relative, string title, string body = "", string frontMatter = "") =>
        Write(relative, $"---\ntitle: {title}\n{frontMatter}---\n\n{body}");

    public BuildOptions Options(bool drafts = false) => new()
    {
        InputDirectory = Input,
        OutputDirectory = Output,
        ThemeDirectory = Theme,
        IncludeDrafts = drafts,
        CacheDirectory = Cache,
    };

    /// <summary>The build's cache folder, inside the temp folder so tests never share results.</summary>
    public string Cache => folder[".site-cache"];

    public Task<BuildResult> BuildAsync(bool drafts = false) => SiteBuilder.BuildAsync(Options(drafts), SilentProgress.Instance);

    public Task<BuildResult> BuildAsync(BuildOptions options, ISnippetRuntimes? runtimes = null, BuildMode mode = BuildMode.Build) =>
        SiteBuilder.BuildAsync(options, SilentProgress.Instance, mode: mode, runtimes: runtimes);

    /// <summary>Runs <c>site build --input … --output … --theme …</c> plus <paramref name="extra"/> through the CLI.</summary>
    public async Task<CliRun> RunCliAsync(params string[] extra)
    {
        string[] args = ["build", "--input", Input, "--output", Output, "--theme", Theme, "--cache-dir", Cache, .. extra];
        return await CliRun.RunAsync(args);
    }

    /// <summary>Runs <c>site check --input … --cache-dir …</c> plus <paramref name="extra"/>.</summary>
    public Task<CliRun> RunCheckAsync(params string[] extra) =>
        CliRun.RunAsync(["check", "--input", Input, "--cache-dir", Cache, .. extra]);

    public string ReadOutput(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public bool OutputExists(string relative) => File.Exists(Path.Combine(Output, relative));

    public void Dispose() => folder.Dispose();
}

/// <summary>One run of the command line with its exit code and what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SiteCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
