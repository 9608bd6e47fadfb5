using System.Collections.Immutable;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Site.Core;
using Site.Markdown.Links;
using Site.Snippets.Running;

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
        WriteSnippetSummary(renderer, context);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The line closing a page with snippets: how many were verified, and on which runtimes.</summary>
    private static void WriteSnippetSummary(HtmlRenderer renderer, PageRenderContext context)
    {
        var outcomes = context.Page.Snippets
            .Select(snippet => context.Site.SnippetOutcomes.GetValueOrDefault(snippet))
            .OfType<SnippetOutcome>()
            .Where(outcome => outcome.Result is not null)
            .ToList();
        if (outcomes.Count == 0)
            return;

        var verified = outcomes.Count(o => o.Status == SnippetStatus.Verified);
        var failedAsExpected = outcomes.Count(o => o.Status == SnippetStatus.FailedAsExpected);
        var runtimes = outcomes.Select(o => o.Runtime).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var text = $"{verified} of {outcomes.Count} snippet{(outcomes.Count == 1 ? "" : "s")} on this page verified against their expected output"
            + (failedAsExpected > 0 ? $", {failedAsExpected} raised the error {(failedAsExpected == 1 ? "it was" : "they were")} meant to" : "")
            + $" · ran at build time on {string.Join(" and ", runtimes)}";
        renderer.EnsureLine();
        renderer.Write("<p class=\"snippet-summary\">").WriteEscape(text).WriteLine("</p>");
    }
}
