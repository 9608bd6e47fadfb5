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
        Parallel.ForEach(state.Pages.Where(p => p.Markdown is not null), context.ParallelOptions(cancellationToken), page =>
        {
            var folder = Path.GetDirectoryName(page.SourcePath)?.Replace('\\', '/') ?? "";
            foreach (var link in page.Markdown!.Descendants<LinkInline>())
            {
                if (string.IsNullOrEmpty(link.Url))
                    continue;
                var resolution = resolver.Resolve(link.Url, folder, page.OutputPath, page);
                if (resolution.Url is { } url)
                    link.Url = url;
                else
                    context.Diagnostics.Error(resolution.ErrorCode!, page.At(link.Line + 1, link.Column + 1), resolution.Error!);
            }
        });
        return Task.FromResult(state);
    }
}
