using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Core;
using Site.Markdown.Rendering;

namespace Site.Markdown.Links;

/// <summary>
/// What one page's links resolve against, for a rebuild to tell whether they may resolve differently now (and the page's
/// HTML differ): equal when the whole site's targets are (<see cref="LinkResolver.Fingerprint(RebuildCache)"/>, the usual
/// case), else when every page, file or draft the page's own links lead to is as it was. So a new heading makes the links
/// and HTML again of the pages that link to its page, not of every page. A page showing a data table, whose cells' links
/// lead anywhere, depends on the whole site.
/// </summary>
internal sealed class PageLinkTargets(string site, LinkResolver resolver, PageLinkTargets.Paths paths) : IEquatable<PageLinkTargets>
{
    private string Site => site;

    private LinkResolver Resolver => resolver;

    private Paths Targets => paths;

    /// <summary>The page's targets under this build's <paramref name="resolver"/>; the paths its tree links to are kept with the tree.</summary>
    public static PageLinkTargets Of(Page page, string site, LinkResolver resolver, RebuildCache cache) =>
        new(site, resolver, cache.Memo<MarkdownDocument?, Paths>("link paths").GetOrAdd(page.SourcePath, page.Markdown, new Diagnostics(), _ => PathsOf(page)));

    public bool Equals(PageLinkTargets? other) => other is not null && (site == other.Site
        || (!paths.ReadsDataTables && paths.Links.SequenceEqual(other.Targets.Links) && paths.Links.All(path => resolver.SameTarget(other.Resolver, path))));

    public override bool Equals(object? obj) => Equals(obj as PageLinkTargets);

    public override int GetHashCode() => paths.Links.Length;

    private static Paths PathsOf(Page page)
    {
        if (page.Markdown is null)
            return new Paths([], false);
        var folder = Path.GetDirectoryName(page.SourcePath)?.Replace('\\', '/') ?? "";
        var links = page.Markdown.Descendants<LinkInline>()
            .Where(link => !string.IsNullOrEmpty(link.Url))
            .SelectMany(link => LinkResolver.TargetsOf(link.Url!, folder))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new Paths(links, page.Markdown.Descendants<CustomContainer>().Any(c => c.Info == DirectiveContainerRenderer.DataTable));
    }

    /// <summary>The input paths a page's links lead to, and whether it shows a data table.</summary>
    internal sealed record Paths(string[] Links, bool ReadsDataTables);
}
