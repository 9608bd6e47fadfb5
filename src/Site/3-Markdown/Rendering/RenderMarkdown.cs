using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Core;
using Site.Markdown.Links;
using Site.Snippets.Running;

namespace Site.Markdown.Rendering;

/// <summary>
/// Renders each page's syntax tree to an HTML fragment with the site's own renderers for code, headings, tables and
/// directives. A rebuild keeps the HTML of a page whose tree, snippet outcomes and view of the site are unchanged.
/// </summary>
internal sealed class RenderMarkdown : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "render";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var links = new LinkResolver(state);
        var memo = context.RebuildCache?.Memo<RenderInputs, string>(Name);
        var site = memo is null ? "" : SiteInputs(state);
        var targets = memo is null ? "" : links.Fingerprint(context.RebuildCache);
        var html = PerPage.Map(state.Pages, memo, page => page.SourcePath,
            page => new RenderInputs(page.Markdown, site, PageLinkTargets.Of(page, targets, links, context.RebuildCache!),
                [.. page.Snippets.Select(s => state.SnippetOutcomes.GetValueOrDefault(s))]),
            (page, diagnostics) => page.Markdown is null ? page.ContentHtml : Render(new PageRenderContext(page, state, links, diagnostics)),
            context, cancellationToken);
        // No later stage reads the syntax tree: letting it go here keeps a big build's memory down.
        var pages = state.Pages.Select((page, i) => page with { ContentHtml = html[i], Markdown = null }).ToImmutableArray();
        return Task.FromResult(state with { Pages = pages });
    }

    /// <summary>What every page's HTML may take from the rest of the site besides its links' targets: the data tables.</summary>
    private static string SiteInputs(SiteState state)
    {
        var text = new StringBuilder();
        foreach (var table in state.DataTables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendJoin('\0', table.Name, table.DisplayPath, table.Title).Append('\n')
                .AppendJoin('\0', table.Columns.Select(c => c.Key + "=" + c.Label)).Append('\n');
            foreach (var row in table.Rows)
            {
                text.AppendJoin('\0', row.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value))
                    .Append('\0').AppendJoin('\0', row.Link, row.Topic, row.At, row.LinkAt).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A page's tree (kept between builds while its text is unchanged), the site, what its links lead to, its snippets' outcomes.</summary>
    private sealed record RenderInputs(MarkdownDocument? Markdown, string Site, PageLinkTargets Links, SnippetOutcome?[] Outcomes)
    {
        // Outcomes compare by value: a result taken from the snippet cache is the same instance as last time.
        public bool Equals(RenderInputs? other) => other is not null && ReferenceEquals(Markdown, other.Markdown) && Site == other.Site
            && Links.Equals(other.Links) && Outcomes.SequenceEqual(other.Outcomes);

        public override int GetHashCode() => HashCode.Combine(Markdown, Site);
    }

    private static readonly PerThreadText Buffers = new(32 * 1024);

    internal static string Render(PageRenderContext context)
    {
        var writer = Buffers.Take();
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
