using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Core;

namespace Site.Markdown.Links;

/// <summary>
/// Gives every Markdown link and image its output URL and reports links to missing pages, files and anchors at the
/// link's own line and column. Needs every page's URL and headings, so it runs after all pages are parsed. A rebuild
/// skips a page whose syntax tree (kept by ParseMarkdown) was resolved against the same pages, files and anchors.
/// </summary>
internal sealed class ResolveLinks : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "links";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var resolver = new LinkResolver(state);
        // Under serve, a page whose tree and link targets are unchanged keeps its result (and its diagnostics).
        var memo = context.RebuildCache?.Memo<(MarkdownDocument?, PageLinkTargets), ImmutableArray<ExternalLink>>(Name);
        var site = memo is null ? "" : resolver.Fingerprint(context.RebuildCache);
        var links = PerPage.Map(state.Pages, memo, page => page.SourcePath,
            page => (page.Markdown, PageLinkTargets.Of(page, site, resolver, context.RebuildCache!)),
            (page, diagnostics) => page.Markdown is null ? page.ExternalLinks : Resolve(page, resolver, diagnostics), context, cancellationToken);
        var pages = state.Pages.Select((page, i) => page with { ExternalLinks = links[i] }).ToImmutableArray();
        return Task.FromResult(state with { Pages = pages });
    }

    /// <summary>Resolves the page's links; returns its external links, which are listed in the report, never fetched.</summary>
    private static ImmutableArray<ExternalLink> Resolve(Page page, LinkResolver resolver, Diagnostics diagnostics)
    {
        var external = ImmutableArray.CreateBuilder<ExternalLink>();
        var folder = Path.GetDirectoryName(page.SourcePath)?.Replace('\\', '/') ?? "";
        MarkdownWalk.Inlines(page.Markdown!, inline =>
        {
            if (inline is not LinkInline link || string.IsNullOrEmpty(link.Url))
                return;
            var resolution = resolver.Resolve(link.Url, folder, page.OutputPath, page);
            // The written URL stays in the tree (the renderer asks GetDynamicUrl first), so a kept tree resolves again.
            link.GetDynamicUrl = resolution.Url is { } url ? () => url : null;
            if (resolution.Url is null)
                diagnostics.Error(resolution.ErrorCode!, page.At(link.Line + 1, link.Column + 1), resolution.Error!);
            else if (resolution.IsExternal)
                external.Add(new ExternalLink(resolution.Url, link.Line + 1, link.Column + 1));
        });

        return external.ToImmutable();
    }
}

/// <summary>A link out of the site, where it stands in its page.</summary>
internal sealed record ExternalLink(string Url, int Line, int Column);
