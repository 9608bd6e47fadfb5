using System.Collections.Immutable;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Site.Core;
using Site.Markdown.Links;

namespace Site.Markdown.Rendering;

/// <summary>Renders each page's syntax tree to an HTML fragment with the site's own renderers for code, headings, tables and directives.</summary>
internal sealed class RenderMarkdown : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "render";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var links = new LinkResolver(state);
        var pages = state.Pages
            .AsParallel().AsOrdered().WithDegreeOfParallelism(context.Options.EffectiveParallelism)
            .Select(page => page.Markdown is null ? page : page with
            {
                ContentHtml = Render(new PageRenderContext(page, state, links, context.Diagnostics)),
            })
            .ToImmutableArray();
        return Task.FromResult(state with { Pages = pages });
    }

    internal static string Render(PageRenderContext context)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        MarkdownPipelineFactory.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new SiteCodeBlockRenderer(context));
        renderer.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new AnchoredHeadingRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Extensions.Tables.HtmlTableRenderer>(new ComparisonTableRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Extensions.CustomContainers.HtmlCustomContainerRenderer>(new DirectiveContainerRenderer(context));
        renderer.Render(context.Page.Markdown!);
        writer.Flush();
        return writer.ToString();
    }
}
