using System.Globalization;
using System.Xml.Linq;
using Site.Core;
using Site.Theme;

namespace Site.PostProcessing;

/// <summary>
/// sitemap.xml (every page) and an Atom feed of dated pages (feed.xml, newest first). Both need absolute URLs, so
/// they are written only when the site has a base URL (--base-url or site.yml's baseUrl).
/// </summary>
internal sealed class Feeds : IStage
{
    public const string SitemapPath = "sitemap.xml";

    public const string FeedPath = "feed.xml";

    private const int FeedLimit = 50;

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public Phase Phase => Phase.PostProcess;

    public string Name => "feeds";

    /// <summary>Content pages with a date go into the feed.</summary>
    public static bool InFeed(Page page) => page.Kind == PageKind.Content && page.Metadata.Date is not null;

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.BaseUrl is not { } baseUrl)
            return Task.FromResult(state);

        var pages = state.Pages.Where(p => p.Kind != PageKind.NotFound && p.OutputPath.EndsWith(".html", StringComparison.Ordinal))
            .OrderBy(p => p.OutputPath, StringComparer.Ordinal).ToList();
        var outputs = state.Outputs.Add(new OutputFile(SitemapPath, CreateSitemap(pages, baseUrl), null));
        var dated = pages.Where(InFeed).OrderByDescending(p => p.Metadata.Date).ThenBy(p => p.OutputPath, StringComparer.Ordinal).Take(FeedLimit).ToList();
        if (dated.Count > 0)
            outputs = outputs.Add(new OutputFile(FeedPath, CreateFeed(dated, baseUrl, context), null));
        return Task.FromResult(state with { Outputs = outputs });
    }

    /// <summary>The URL a page is published at: folders end in '/', as the canonical links do.</summary>
    public static string Absolute(string baseUrl, Page page) =>
        baseUrl + (page.OutputPath.EndsWith("index.html", StringComparison.Ordinal) ? page.OutputPath[..^"index.html".Length] : page.OutputPath);

    internal static string CreateSitemap(IEnumerable<Page> pages, string baseUrl)
    {
        var urlset = new XElement(Sitemap + "urlset", pages.Select(page => new XElement(Sitemap + "url",
            new XElement(Sitemap + "loc", Absolute(baseUrl, page)),
            page.Metadata.Date is { } date ? new XElement(Sitemap + "lastmod", Day(date)) : null)));
        return Declaration + urlset + "\n";
    }

    internal static string CreateFeed(IReadOnlyList<Page> pages, string baseUrl, BuildContext context)
    {
        var settings = context.Settings;
        var updated = pages.Max(p => p.Metadata.Date)!.Value;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", settings.Title),
            string.IsNullOrEmpty(settings.Description) ? null : new XElement(Atom + "subtitle", settings.Description),
            new XElement(Atom + "id", baseUrl),
            new XElement(Atom + "link", new XAttribute("href", baseUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", baseUrl + FeedPath)),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", string.IsNullOrEmpty(settings.Author) ? settings.Title : settings.Author)),
            pages.Select(page => new XElement(Atom + "entry",
                new XElement(Atom + "title", page.Metadata.Title),
                new XElement(Atom + "link", new XAttribute("href", Absolute(baseUrl, page))),
                new XElement(Atom + "id", Absolute(baseUrl, page)),
                new XElement(Atom + "updated", Timestamp(page.Metadata.Date!.Value)),
                string.IsNullOrEmpty(page.Metadata.Description) ? null : new XElement(Atom + "summary", page.Metadata.Description),
                page.Metadata.Tags.Select(tag => new XElement(Atom + "category", new XAttribute("term", tag))))));
        return Declaration + feed + "\n";
    }

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateOnly date) => Day(date) + "T00:00:00Z";
}
