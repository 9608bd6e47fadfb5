using System.Diagnostics;
using Site.Incremental;
using Site.Snippets.Engines;
using Site.Snippets.Running;
using Site.Writing;

namespace Site.Core;

/// <summary>What a build produced: the exit code, every diagnostic, how many pages, how long each stage took.</summary>
internal sealed record BuildResult(ExitCode ExitCode, IReadOnlyList<Diagnostic> Diagnostics, int PageCount, TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Timings)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>The pages (content pages, with their snippets' outcomes) for --report; empty when the build stopped early.</summary>
    public IReadOnlyList<Page> Pages { get; init; } = [];

    public IReadOnlyDictionary<Snippets.Snippet, SnippetOutcome> SnippetOutcomes { get; init; } =
        new Dictionary<Snippets.Snippet, SnippetOutcome>();

    /// <summary>The files of the built site (what WriteSite writes; what the preview server serves).</summary>
    public IReadOnlyList<OutputFile> Outputs { get; init; } = [];

    /// <summary>Nothing changed since the last build, whose output is still in place: nothing was built (see LastBuild).</summary>
    public bool UpToDate { get; init; }

    /// <summary>With <see cref="UpToDate"/>: how many snippets that build ran, all passed (its outcomes are not kept).</summary>
    public int SnippetsPassed { get; init; }
}

/// <summary>The facade the command line calls: validates the options, runs the pipeline, reports.</summary>
internal static class SiteBuilder
{
    /// <param name="rebuildCache">What earlier builds of this process computed (the preview server's); null: compute everything.</param>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, IBuildProgress progress, CancellationToken cancellationToken = default,
        BuildMode mode = BuildMode.Build, ISnippetRuntimes? runtimes = null, RebuildCache? rebuildCache = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new Diagnostics();
        var timings = new List<(string, TimeSpan)>();

        if (!Directory.Exists(options.InputDirectory))
            diagnostics.Error(DiagnosticCodes.MissingFolder, null, $"input folder '{options.InputDirectory}' does not exist");
        else if (mode != BuildMode.Check && !Directory.Exists(options.ThemeDirectory))
            diagnostics.Error(DiagnosticCodes.MissingFolder, null, $"theme folder '{options.ThemeDirectory}' does not exist");
        else if (mode == BuildMode.Build && OutputFolder.Refusal(options.OutputDirectory, options.InputDirectory, options.ThemeDirectory) is { } refusal)
            diagnostics.Error(DiagnosticCodes.UnsafeOutputFolder, null, $"refusing to write to '{options.OutputDirectory}': {refusal}");
        if (diagnostics.HasErrors)
            return new BuildResult(ExitCode.UsageError, diagnostics.Sorted(), 0, clock.Elapsed, timings);

        var context = new BuildContext
        {
            Options = options,
            Diagnostics = diagnostics,
            Progress = progress,
            Runtimes = runtimes ?? new SnippetRuntimes(options.PythonLibrary),
            RebuildCache = rebuildCache,
        };
        // An unchanged site whose output is as the last build left it needs no build (--no-cache: build anyway).
        var checkClock = Stopwatch.StartNew();
        var inputs = mode == BuildMode.Build && options.SkipWhenUpToDate ? InputDigest.Compute(options, context.ReadAhead) : null;
        if (inputs is not null && !options.NoCache && LastBuild.Load(options) is { } last && last.StillHolds(inputs, options, context.Runtimes))
            return last.Result(clock.Elapsed);
        if (inputs is not null)
            timings.Add(("up-to-date check", checkClock.Elapsed));

        var state = new SiteState();
        try
        {
            foreach (var stage in BuildPipeline.Stages(mode))
            {
                // Each stage starts on a stack of its own, from the thread pool. A stage may finish on another component's
                // thread (the Node worker's reader runs its waiters' continuations inline); the rest of the build would
                // otherwise run on top of those frames, which keep alive all they reference (every page's syntax tree).
                await Task.Yield();
                var stageClock = Stopwatch.StartNew();
                progress.StageStarted(stage.Name);
                state = await stage.RunAsync(state, context, cancellationToken);
                // Once writing has started, each stage's new files are written while the next stages run.
                context.Staging?.Accept(state.Outputs);
                progress.StageFinished(stage.Name, stageClock.Elapsed);
                timings.Add((stage.Name, stageClock.Elapsed));
            }
        }
        finally
        {
            // Failed, cancelled or crashed: the staging folder goes (a finished one was swapped in and stays), and the
            // collection pause ends if a stage before ResumeCollections stopped the build.
            context.Staging?.Dispose();
            context.CollectionPause?.Dispose();
        }

        rebuildCache?.BuildCompleted();

        var pages = state.Pages.Count(p => p.Kind == PageKind.Content || p.Text.Length > 0);
        var exit = diagnostics.HasErrors ? ExitCode.BuildFailed : ExitCode.Success;
        var result = new BuildResult(exit, diagnostics.Sorted(), pages, clock.Elapsed, timings)
        {
            Pages = state.Pages.Where(p => p.Kind == PageKind.Content).ToList(),
            SnippetOutcomes = state.SnippetOutcomes,
            Outputs = state.Outputs,
        };
        if (inputs is not null && exit == ExitCode.Success)
        {
            var recordClock = Stopwatch.StartNew();
            LastBuild.Save(options, inputs, result, context.Runtimes);
            timings.Add(("record", recordClock.Elapsed)); // after "Built … s": the result's time was taken before
        }

        return result;
    }
}
