using System.Collections.Immutable;
using Site.Core;
using Site.FrontMatter;

namespace Site.Theme;

/// <summary>Wraps every page in its Handlebars layout (in parallel) and queues the result for writing.</summary>
internal sealed class ApplyTheme : IStage
{
    public Phase Phase => Phase.PostProcess;

    public string Name => "theme";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var theme = context.Theme ??= ThemeTemplates.Load(context.Options.ThemeDirectory, context.Diagnostics);
        if (theme is null)
            return Task.FromResult(state);

        var pages = state.Pages;
        var navigation = Navigation.Build(pages, context.Settings);
        var models = new PageModel(navigation, pages, context);
        var outputs = pages
            .AsParallel().AsOrdered().WithDegreeOfParallelism(context.Options.EffectiveParallelism)
            .Select(page => LayoutFor(page, theme, context.Diagnostics) is { } layout
                ? new OutputFile(page.OutputPath, theme.Render(layout, models.For(page)), null)
                : null)
            .OfType<OutputFile>()
            .ToImmutableArray();
        return Task.FromResult(state with { Outputs = state.Outputs.AddRange(outputs) });
    }

    /// <summary>The page's layout: its front matter's, else the default for its kind. Unknown: an error at the 'layout' key.</summary>
    internal static string? LayoutFor(Page page, ThemeTemplates theme, Diagnostics diagnostics)
    {
        if (page.Metadata.Layout is { } chosen)
        {
            if (theme.HasLayout(chosen))
                return chosen;
            diagnostics.Error(DiagnosticCodes.UnknownLayout, page.Metadata.Locations.GetValueOrDefault(FrontMatterKeys.Layout, page.At(1, 1)),
                $"unknown layout '{chosen}' (the theme has: {string.Join(", ", theme.LayoutNames)})");
            return null;
        }

        var preferred = page.Kind switch
        {
            PageKind.SectionIndex when page.OutputPath == "index.html" => "home",
            PageKind.SectionIndex => "section",
            PageKind.TagPage => "tag",
            PageKind.TagIndex => "tags",
            _ when page.OutputPath == "index.html" => "home",
            _ => "page",
        };
        if (theme.HasLayout(preferred))
            return preferred;
        if (theme.HasLayout("page"))
            return "page";
        diagnostics.Error(DiagnosticCodes.ThemeError, null, $"the theme has no '{preferred}' or 'page' layout");
        return null;
    }
}
