using Site.Core;

namespace Site.Writing;

/// <summary>
/// Opens the build's staging folder as soon as the pages' URLs are known and makes their folders in the background; from
/// then on each stage's new files are written while the next stages run (see <see cref="StagedOutput"/>).
/// </summary>
internal sealed class StartWriting : IStage
{
    public Phase Phase => Phase.Output;

    public string Name => "start writing";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // A build that already failed writes nothing: no folder to make.
        if (context.Diagnostics.HasErrors)
            return Task.FromResult(state);

        context.Staging ??= new StagedOutput(context.Options.OutputDirectory, writers: Math.Max(2, context.Options.EffectiveParallelism));
        context.Staging.MakeFoldersFor([.. state.Pages.Select(page => page.OutputPath)]);
        return Task.FromResult(state);
    }
}
