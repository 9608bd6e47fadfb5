using Site.Core;

namespace Site.Serving;

/// <summary>What one build of the preview server did, for the console.</summary>
/// <param name="First">The build at start-up (the others are rebuilds after a change).</param>
/// <param name="Result">The build's result; null when it stopped with an exception.</param>
/// <param name="Exception">What stopped it, if anything.</param>
/// <param name="ChangedFiles">Files of the site added, changed or removed since the last good build; null when the build failed.</param>
/// <param name="Elapsed">From the start of the build to the reload event.</param>
/// <param name="SinceChange">From the first change the watcher saw to the reload event (what a reader waits); null at start-up.</param>
/// <param name="Reuse">What the build reused from earlier ones (<see cref="RebuildCache.LastBuildSummary"/>).</param>
/// <param name="Fixed">The build before failed: open pages go from the error page back to the site.</param>
internal sealed record RebuildReport(bool First, BuildResult? Result, string? Exception, int? ChangedFiles, TimeSpan Elapsed,
    TimeSpan? SinceChange, string Reuse, bool Fixed)
{
    public bool Succeeded => Result?.ExitCode == ExitCode.Success;

    public int Errors => (Result?.Errors ?? 0) + (Exception is null ? 0 : 1);
}
