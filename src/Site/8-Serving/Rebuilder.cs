using System.Diagnostics;
using System.Threading.Channels;
using Site.Core;
using Site.Snippets.Engines;

namespace Site.Serving;

/// <summary>
/// The rebuild loop: builds at start-up, then once per batch of changes, one build at a time (changes made during a build
/// make exactly one more). Every build reuses what the ones before computed (<see cref="RebuildCache"/>, and the snippet
/// cache on disk). Publishes the new <see cref="ServedSite"/> and tells open pages, only when something they show changed.
/// </summary>
internal sealed class Rebuilder
{
    private readonly ServeOptions options;
    private readonly LiveReload reload;
    private readonly Action<RebuildReport> report;
    private readonly ISnippetRuntimes? runtimes;
    private readonly RebuildCache cache = new();
    // In every version, so a page that reconnects to a restarted server reloads.
    private readonly string instance = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
    private readonly TaskCompletionSource firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int versions;
    private volatile ServedSite site;

    public Rebuilder(ServeOptions options, LiveReload reload, Action<RebuildReport> report, ISnippetRuntimes? runtimes)
    {
        (this.options, this.reload, this.report, this.runtimes) = (options, reload, report, runtimes);
        site = ServedSite.Building(NextVersion());
    }

    public ServedSite Site => site;

    /// <summary>Completes when the start-up build is served (or failed).</summary>
    public Task FirstBuild => firstBuild.Task;

    public async Task RunAsync(ChannelReader<ChangeBatch> changes, CancellationToken cancellationToken)
    {
        try
        {
            await RebuildAsync(changedAt: null, cancellationToken);
            firstBuild.TrySetResult();
            while (await changes.WaitToReadAsync(cancellationToken))
            {
                // Everything that changed during the last build goes into this one.
                var first = long.MaxValue;
                while (changes.TryRead(out var batch))
                    first = Math.Min(first, batch.FirstChange);
                await RebuildAsync(first, cancellationToken);
            }
        }
        finally
        {
            firstBuild.TrySetResult();
        }
    }

    private async Task RebuildAsync(long? changedAt, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        BuildResult? result = null;
        string? exception = null;
        try
        {
            result = await SiteBuilder.BuildAsync(options.Build, SilentProgress.Instance, cancellationToken, BuildMode.Preview, runtimes, cache);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug, or a file that vanished mid-build: shown like a failed build; the next save tries again.
            exception = e.ToString();
        }

        var previous = Site;
        var next = previous;
        IReadOnlyList<string>? changed = null;
        if (result?.ExitCode == ExitCode.Success)
        {
            var files = new SiteFiles(result.Outputs);
            changed = files.ChangedSince(previous.Files);
            if (changed.Count > 0 || previous.Failure is not null || !previous.Built)
                next = new ServedSite(NextVersion(), files, built: true, failure: null);
        }
        else
        {
            var failure = new BuildFailure(result?.Diagnostics ?? [], exception);
            if (!failure.SameAs(previous.Failure))
                next = new ServedSite(NextVersion(), previous.Files, previous.Built, failure);
        }

        if (next != previous)
        {
            site = next;
            // Every page reloads when the site failed or came back, or when too much changed to list.
            var everything = next.Failure is not null || previous.Failure is not null || !previous.Built || changed is not { Count: <= 200 };
            reload.Publish(next.Version, everything ? null : changed);
        }

        report(new RebuildReport(changedAt is null, result, exception, changed?.Count,
            clock.Elapsed, changedAt is { } at ? Stopwatch.GetElapsedTime(at) : null, cache.LastBuildSummary, previous.Failure is not null && next.Failure is null));
    }

    private string NextVersion() => $"{instance}.{Interlocked.Increment(ref versions)}";
}
