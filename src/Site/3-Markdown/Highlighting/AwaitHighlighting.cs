using Site.Core;

namespace Site.Markdown.Highlighting;

/// <summary>
/// Waits for the batch <see cref="HighlightCode"/> started, just before the pages are rendered. Its time in --timings is the
/// highlighting that the stages in between did not hide.
/// </summary>
internal sealed class AwaitHighlighting : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "highlight wait";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken) =>
        state.Highlighting is null ? state : state with { HighlightedCode = await state.Highlighting, Highlighting = null };
}
