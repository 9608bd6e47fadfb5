using Site.Core;

namespace Site.Writing;

/// <summary>
/// Finishes writing the site into its staging folder (<see cref="StagedOutput"/>, begun by <see cref="StartWriting"/>), then
/// swaps it in: output/ is replaced whole or not at all. Does nothing when the build has errors, so a failed build leaves the
/// previous output as it was (the staging folder is deleted when the build ends).
/// </summary>
internal sealed class WriteSite : IStage
{
    public Phase Phase => Phase.Output;

    public string Name => "write";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        if (context.Diagnostics.HasErrors)
            return Task.FromResult(state);

        cancellationToken.ThrowIfCancellationRequested();
        // StartWriting opened it: it runs whenever this does (both skip a build with errors).
        var staging = context.Staging ?? throw new InvalidOperationException("StartWriting must run before WriteSite");
        staging.Finish(state.Outputs);
        return Task.FromResult(state);
    }
}
