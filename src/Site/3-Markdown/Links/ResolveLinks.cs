using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Core;

namespace Site.Markdown.Links;

/// <summary>
/// Rewrites every Markdown link and image to its output URL and reports links to missing pages, files and anchors at the
/// link's own line and column. Needs every page's URL and headings, so it runs after all pages are parsed.
/// </summary>
internal sealed class ResolveLinks : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "links";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var resolver = new LinkResolver(state);
        var pages = state.Pages
            .AsParallel().AsOrdered().WithDegreeOfParallelism(context.Options.EffectiveParallelism).WithCancellation(cancellationToken)
            .Select(page => page.Markdown is null ? page : page with { ExternalLinks = Resolve(page, resolver, context.Diagnostics) })
            .ToImmutableArray();
        return Task.FromResult(state with { Pages = pages });
    }

    /// <summary>Rewrites the page's links in place; returns its external links, which are listed, never fetched.</summary>
    private static ImmutableArray<ExternalLink> Resolve(Page page, LinkResolver resolver, Diagnostics diagnostics)
    {
        var external = ImmutableArray.CreateBuilder<ExternalLink>();
        var folder = Path.GetDirectoryName(page.SourcePath)?.Replace('\\', '/') ?? "";
        foreach (var link in page.Markdown!.Descendants<LinkInline>())
        {
            if (string.IsNullOrEmpty(link.Url))
                continue;
            var resolution = resolver.Resolve(link.Url, folder, page.OutputPath, page);
            if (resolution.Url is not { } url)
                diagnostics.Error(resolution.ErrorCode!, page.At(link.Line + 1, link.Column + 1), resolution.Error!);
            else if (resolution.IsExternal)
                external.Add(new ExternalLink(url, link.Line + 1, link.Column + 1));
            else
                link.Url = url;
        }

        return external.ToImmutable();
    }
}

/// <summary>A link out of the site, where it stands in its page.</summary>
internal sealed record ExternalLink(string Url, int Line, int Column);
