using System.Globalization;
using Site.Core;
using Spectre.Console;

namespace Site.Cli;

/// <summary>
/// Shows a build: a live status line on an interactive terminal (Spectre.Console), plain lines when output is redirected;
/// then the diagnostics in compiler format (on standard error) and a one-line summary.
/// </summary>
internal static class ConsoleReporter
{
    private static StatusContext? status;

    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
        && Environment.GetEnvironmentVariable("CI") is null;

    public static async Task<BuildResult> RunWithProgressAsync(TextWriter output, Func<CancellationToken, Task<BuildResult>> build, CancellationToken cancellationToken)
    {
        if (!IsInteractive(output))
            return await build(cancellationToken);
        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync("Building…", async context =>
        {
            status = context;
            try
            {
                return await build(cancellationToken);
            }
            finally
            {
                status = null;
            }
        });
    }

    public static IBuildProgress Progress(TextWriter output) => IsInteractive(output) ? new StatusProgress() : new PlainProgress(output);

    public static void Report(BuildResult result, BuildOptions options, TextWriter output, TextWriter error, bool describeTarget = true)
    {
        foreach (var diagnostic in result.Diagnostics)
            error.WriteLine(diagnostic.ToString());

        if (options.Timings)
            WriteTimings(result, output);

        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var target = Path.GetRelativePath(Environment.CurrentDirectory, options.OutputDirectory);
        if (result.UpToDate)
        {
            if (result.SnippetsPassed > 0)
                output.WriteLine($"Snippets: {result.SnippetsPassed} passed, 0 failed (unchanged since the last build)");
            output.WriteLine($"Up to date: {result.PageCount} pages, {Plural(result.Warnings, "warning")}, nothing changed since the last build, {seconds} s -> {target}/");
            return;
        }

        var snippets = result.SnippetOutcomes.Values.ToList();
        var ran = snippets.Count(o => o.Result is not null && !o.Cached);
        var cached = snippets.Count(o => o.Cached);
        if (snippets.Count > 0)
            output.WriteLine($"Snippets: {Plural(snippets.Count(o => o.Passed), "passed", plural: false)}, {snippets.Count(o => !o.Passed)} failed ({ran} ran, {cached} from cache)");

        var counts = $"{result.PageCount} pages, {Plural(result.Warnings, "warning")}, {Plural(result.Errors, "error")}, {seconds} s";
        if (!describeTarget)
            output.WriteLine(result.ExitCode == ExitCode.Success ? $"Built {counts}" : $"Build failed: {counts}");
        else
            output.WriteLine(result.ExitCode == ExitCode.Success ? $"Built {counts} -> {target}/" : $"Build failed: {counts}; {target}/ left unchanged");
    }

    /// <summary>The end of <c>site check</c>: diagnostics, then exactly one line "N passed, N failed" (snippets).</summary>
    public static void ReportCheck(BuildResult result, BuildOptions options, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in result.Diagnostics)
            error.WriteLine(diagnostic.ToString());
        if (options.Timings)
            WriteTimings(result, output);
        var outcomes = result.SnippetOutcomes.Values;
        var other = result.Errors > 0 && outcomes.All(o => o.Passed) ? $" ({Plural(result.Errors, "other error")})" : "";
        output.WriteLine($"{outcomes.Count(o => o.Passed)} passed, {outcomes.Count(o => !o.Passed)} failed{other}");
    }

    private static string Plural(int count, string noun, bool plural = true) => $"{count} {noun}{(count == 1 || !plural ? "" : "s")}";

    private static void WriteTimings(BuildResult result, TextWriter output)
    {
        output.WriteLine("Time per stage:");
        foreach (var (stage, elapsed) in result.Timings)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-14} {elapsed.TotalMilliseconds,8:0.0} ms"));
        // The garbage collector's share: its pauses stop every stage's threads, so no stage line shows them alone.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Garbage collection: {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2), {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused, {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB allocated"));
    }

    private sealed class StatusProgress : IBuildProgress
    {
        public void StageStarted(string name) => status?.Status($"Building: {name}…");

        public void StageFinished(string name, TimeSpan elapsed) { }
    }

    private sealed class PlainProgress(TextWriter output) : IBuildProgress
    {
        public void StageStarted(string name) { }

        public void StageFinished(string name, TimeSpan elapsed) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} ({elapsed.TotalMilliseconds:0} ms)"));
    }
}
