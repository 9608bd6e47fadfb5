using Site.Core;

namespace Site.PostProcessing;

/// <summary>Queues the theme's assets (to assets/) and the input's static files (to the same path) for copying.</summary>
internal sealed class AddAssets : IStage
{
    public Phase Phase => Phase.PostProcess;

    public string Name => "assets";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var outputs = state.Outputs.ToBuilder();
        var assets = Path.Combine(context.Options.ThemeDirectory, "assets");
        if (Directory.Exists(assets))
        {
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                outputs.Add(new OutputFile("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'), null, file));
        }

        foreach (var file in state.StaticFiles)
            outputs.Add(new OutputFile(file, null, Path.Combine(context.Options.InputDirectory, file)));
        return Task.FromResult(state with { Outputs = outputs.ToImmutable() });
    }
}
