using Site.Core;

namespace Site.Markdown;

/// <summary>Ends the pause <see cref="HoldCollections"/> began: rendering let the syntax trees go (checking never renders).</summary>
internal sealed class ResumeCollections : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "resume collections";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        context.CollectionPause?.Dispose();
        context.CollectionPause = null;
        return Task.FromResult(state);
    }
}
