using System.Collections.Immutable;
using Site.Core;
using Site.FrontMatter;
using Site.Writing;

namespace Site.Theme;

/// <summary>
/// Wraps every page in its Handlebars layout (in parallel) and queues the result for writing. A rebuild renders again only
/// the pages whose model may differ: the page changed, or what every page shows of the others (<see cref="PageModel.SiteInputs"/>).
/// </summary>
internal sealed class ApplyTheme : IStage
{
    public Phase Phase => Phase.PostProcess;

    public string Name => "theme";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // CompileTheme started compiling at the start of the build (a pipeline without it compiles here).
        var theme = context.Theme ??= state.ThemeCompilation is { } compiling ? await compiling : CompileTheme.Load(context);
        if (theme is null)
            return state;

        var pages = state.Pages;
        var navigation = Navigation.Of(state);
        var models = new PageModel(navigation, pages, context);
        var memo = context.RebuildCache?.Memo<ThemeInputs, string?>(Name);
        var site = memo is null ? "" : PageModel.SiteInputs(pages, context.Settings);
        var laidOut = new List<(Page Page, string Layout)>();
        foreach (var page in pages)
        {
            if (LayoutFor(page, theme, context.Diagnostics) is { } layout)
                laidOut.Add((page, layout));
        }

        var html = PerPage.Map(laidOut, memo, p => p.Page.SourcePath, p => new ThemeInputs(theme, p.Layout, site, p.Page.Text, p.Page.ContentHtml),
            (p, _) => StagedOutput.Stream(context.Staging, p.Page.OutputPath, writer => theme.RenderTo(writer, p.Layout, models.For(p.Page))),
            context, cancellationToken);
        var outputs = laidOut.Select((p, i) => new OutputFile(p.Page.OutputPath, html[i], null));
        return state with { Outputs = state.Outputs.AddRange(outputs), ThemeCompilation = null };
    }

    /// <summary>What a page's themed HTML depends on: its own text (front matter included) and content, and the rest of the site.</summary>
    private sealed record ThemeInputs(ThemeTemplates Theme, string Layout, string Site, string Text, string ContentHtml);

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
