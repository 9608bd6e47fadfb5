using Site.Core;

namespace Site.Markdown;

/// <summary>
/// Holds off garbage collection from parsing until the syntax trees are let go of (<see cref="ResumeCollections"/>), with
/// room for what the pages' size says that window allocates (see <see cref="CollectionPause"/>).
/// </summary>
internal sealed class HoldCollections : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "hold collections";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // The preview server keeps its trees between builds: they stay alive anyway, and a rebuild allocates little.
        if (context.RebuildCache is null
            && CollectionPause.RoomFor(state.Pages.Sum(page => (long)page.Text.Length)) is { } room)
            context.CollectionPause = CollectionPause.TryStart(room);
        return Task.FromResult(state);
    }
}
