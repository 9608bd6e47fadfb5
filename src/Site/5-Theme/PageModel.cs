using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Site.Core;
using Site.FrontMatter;
using Site.PostProcessing;
using Site.Reading;

namespace Site.Theme;

/// <summary>
/// Builds what a layout sees for one page (documented in README, "Themes"): site, root, page, nav, prev, next,
/// breadcrumbs, listing, tags. Every URL in it is relative to the page, so the output works from file:// too.
/// </summary>
internal sealed class PageModel(Navigation navigation, IReadOnlyList<Page> allPages, BuildContext context)
{
    // By reference: a page record's own hash would hash its whole text and HTML.
    private readonly Dictionary<Page, int> readingIndex = navigation.ReadingOrder.Select((p, i) => (p, i))
        .ToDictionary(x => x.p, x => x.i, (IEqualityComparer<Page>)ReferenceEqualityComparer.Instance);

    private readonly List<(string Name, int Count)> tags = allPages
        .SelectMany(p => p.Metadata.Tags)
        .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
        .Select(g => (g.First(), g.Count()))
        .OrderBy(t => t.Item1, StringComparer.OrdinalIgnoreCase)
        .ToList();

    private bool HasFeed { get; } = context.Settings.BaseUrl is not null && allPages.Any(Feeds.InFeed);

    /// <summary>
    /// Everything <see cref="For"/> reads besides the page's own text and content: the settings, the year, and what the
    /// navigation, listings and tags take from every page. Equal inputs give equal models, so a rebuild keeps the HTML.
    /// </summary>
    public static string SiteInputs(IReadOnlyList<Page> pages, SiteSettings settings)
    {
        var text = new StringBuilder();
        text.AppendJoin('\0', settings.Title, settings.Description, settings.Author, settings.Language, settings.HomeTitle, settings.BaseUrl,
            string.Join(',', settings.Navigation), string.Join(',', settings.SectionTitles.OrderBy(p => p.Key, StringComparer.Ordinal)),
            DateTime.UtcNow.Year).Append('\n');
        foreach (var page in pages)
        {
            var metadata = page.Metadata;
            text.AppendJoin('\0', page.SourcePath, page.OutputPath, page.Kind, page.Section, page.ListingKey, page.Text.Length > 0,
                metadata.Title, metadata.Order, metadata.Description, metadata.Date, string.Join(',', metadata.Tags)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // What this reads from other pages and the settings is listed in SiteInputs: keep the two in step.
    /// <summary>What every layout sees as <c>site</c>, for a file at <paramref name="from"/> (URLs are relative to it).</summary>
    public static Dictionary<string, object?> SiteModel(BuildContext context, string from, bool hasFeed)
    {
        var settings = context.Settings;
        return new Dictionary<string, object?>
        {
            ["title"] = settings.Title,
            ["description"] = settings.Description,
            ["author"] = settings.Author,
            ["language"] = settings.Language,
            ["year"] = DateTime.UtcNow.Year,
            ["homeUrl"] = Urls.Relative(from, "index.html"),
            ["singlePage"] = context.Options.SinglePage && from != SinglePageEdition.OutputPath ? Urls.Relative(from, SinglePageEdition.OutputPath) : null,
            ["feed"] = hasFeed ? Urls.Relative(from, Feeds.FeedPath) : null,
        };
    }

    public Dictionary<string, object?> For(Page page)
    {
        var from = page.OutputPath;
        string Url(Page target) => Urls.Relative(from, target.OutputPath);
        var settings = context.Settings;
        var section = page.Section is null ? null : navigation.Entries.FirstOrDefault(e => e.Page?.Section == page.Section || e.Children.Any(c => c.Section == page.Section));
        readingIndex.TryGetValue(page, out var position);
        var inReadingOrder = readingIndex.ContainsKey(page);

        return new Dictionary<string, object?>
        {
            ["site"] = SiteModel(context, from, HasFeed),
            ["root"] = Urls.ToRoot(from),
            ["page"] = new Dictionary<string, object?>
            {
                ["title"] = page.Metadata.Title,
                ["description"] = page.Metadata.Description,
                ["date"] = page.Metadata.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "",
                ["dateIso"] = page.Metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["tags"] = page.Metadata.Tags.Select(t => Link(t, Urls.Relative(from, GeneratePages.TagUrl(t)))).ToList(),
                ["content"] = page.ContentHtml,
                ["toc"] = TableOfContents(page),
                ["url"] = "index.html",
                ["canonical"] = settings.BaseUrl is { } baseUrl && page.Kind != PageKind.NotFound ? Feeds.Absolute(baseUrl, page) : "",
                ["section"] = section is null ? null : Link(section.Title, section.Page is null ? null : Url(section.Page)),
                ["meta"] = page.Metadata.Values,
                ["isHome"] = page.OutputPath == "index.html",
                ["editPath"] = page.Kind == PageKind.Content || page.Text.Length > 0 ? page.SourcePath : "",
                ["kind"] = page.Kind.ToString(),
                // A 404 page is served at any depth: with a known base URL its relative links start from there.
                ["baseHref"] = page.Kind == PageKind.NotFound ? settings.BaseUrl : null,
            },
            ["nav"] = navigation.Entries.Select(entry => NavEntry(entry, page, Url, fullSidebar)).ToList(),
            ["prev"] = inReadingOrder && position > 0 ? Link(navigation.ReadingOrder[position - 1].Metadata.Title, Url(navigation.ReadingOrder[position - 1])) : null,
            ["next"] = inReadingOrder && position + 1 < navigation.ReadingOrder.Length ? Link(navigation.ReadingOrder[position + 1].Metadata.Title, Url(navigation.ReadingOrder[position + 1])) : null,
            ["breadcrumbs"] = Breadcrumbs(page, section, Url),
            ["listing"] = Listing(page).Select(p => new Dictionary<string, object?>
            {
                ["title"] = p.Metadata.Title,
                ["url"] = Url(p),
                ["description"] = p.Metadata.Description,
                ["date"] = p.Metadata.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "",
            }).ToList(),
            ["tags"] = tags.Select(t => new Dictionary<string, object?>
            {
                ["name"] = t.Name,
                ["url"] = Urls.Relative(from, GeneratePages.TagUrl(t.Name)),
                ["count"] = t.Count,
            }).ToList(),
            ["tagName"] = page.Kind == PageKind.TagPage ? page.ListingKey : null,
        };
    }

    private IEnumerable<Page> Listing(Page page) => page.Kind switch
    {
        PageKind.SectionIndex when page.ListingKey is { Length: > 0 } section =>
            navigation.Entries.Where(e => e.Page == page || e.Children.Any(c => c.Section == section)).SelectMany(e => e.Children),
        PageKind.SectionIndex => navigation.Entries.Select(e => e.Page ?? e.Children.FirstOrDefault()).OfType<Page>(),
        PageKind.TagPage => navigation.ReadingOrder.Concat(allPages.Where(p => !readingIndex.ContainsKey(p)))
            .Where(p => p.Metadata.Tags.Contains(page.ListingKey!, StringComparer.OrdinalIgnoreCase)),
        _ => [],
    };

    private static List<Dictionary<string, object?>> TableOfContents(Page page)
    {
        var toc = new List<Dictionary<string, object?>>();
        foreach (var heading in page.Headings)
        {
            var item = new Dictionary<string, object?>
            {
                ["id"] = heading.Id, ["text"] = heading.Text, ["level"] = heading.Level, ["children"] = new List<Dictionary<string, object?>>(),
            };
            if (heading.Level == 3 && toc.Count > 0)
                ((List<Dictionary<string, object?>>)toc[^1]["children"]!).Add(item);
            else
                toc.Add(item);
        }

        return toc;
    }

    /// <summary>
    /// A big site's sidebar lists the pages of the current section only (other sections are links to their index):
    /// every page of a 1,000-page site listing all 1,000 would make the site quadratic in size and build time.
    /// </summary>
    public const int FullSidebarLimit = 300;

    private readonly bool fullSidebar = navigation.ReadingOrder.Length <= FullSidebarLimit;

    /// <summary>
    /// The most pages of one section a sidebar lists: a longer section shows this many around the current page, and how
    /// many it leaves out before and after (its index page lists them all). So no page's size grows with its section's,
    /// and a site's size and build time grow linearly with its pages.
    /// </summary>
    public const int SectionWindow = 50;

    private static Dictionary<string, object?> NavEntry(NavigationEntry entry, Page current, Func<Page, string> url, bool fullSidebar)
    {
        var open = entry.Page == current || entry.Children.Contains(current);
        var pages = open || fullSidebar ? entry.Children : [];
        var (start, count) = Window(pages.IndexOf(current), pages.Length);
        return new Dictionary<string, object?>
        {
            ["title"] = entry.Title,
            ["url"] = entry.Page is null ? (entry.Children.Length > 0 ? url(entry.Children[0]) : null) : url(entry.Page),
            ["active"] = entry.Page == current,
            ["open"] = open,
            ["isSection"] = entry.Children.Length > 0,
            ["pages"] = pages.Skip(start).Take(count).Select(child => new Dictionary<string, object?>
            {
                ["title"] = child.Metadata.Title, ["url"] = url(child), ["active"] = child == current,
            }).ToList(),
            ["hiddenBefore"] = start,
            ["hiddenAfter"] = pages.Length - start - count,
        };
    }

    /// <summary>Which of a section's <paramref name="total"/> pages the sidebar lists: all, or <see cref="SectionWindow"/> around the current one (-1: none is current).</summary>
    internal static (int Start, int Count) Window(int current, int total)
    {
        if (total <= SectionWindow)
            return (0, total);
        var start = Math.Clamp(current - SectionWindow / 2, 0, total - SectionWindow);
        return (start, SectionWindow);
    }

    private List<Dictionary<string, object?>> Breadcrumbs(Page page, NavigationEntry? section, Func<Page, string> url)
    {
        var crumbs = new List<Dictionary<string, object?>>();
        if (page.OutputPath == "index.html")
            return crumbs;
        crumbs.Add(Link(context.Settings.HomeTitle, Urls.Relative(page.OutputPath, "index.html")));
        if (section is not null && section.Page != page)
            crumbs.Add(Link(section.Title, section.Page is null ? null : url(section.Page)));
        if (page.Kind is PageKind.TagPage)
            crumbs.Add(Link("Tags", Urls.Relative(page.OutputPath, GeneratePages.TagsFolder + "/index.html")));
        return crumbs;
    }

    private static Dictionary<string, object?> Link(string title, string? url) => new() { ["title"] = title, ["name"] = title, ["url"] = url };
}
