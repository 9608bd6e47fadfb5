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

    // Where each page is in the sidebar: its entry, and its place among the entry's pages (-1: it is the entry's own page).
    private readonly Dictionary<Page, (int Entry, int Child)> places = Places(navigation);

    // The sidebar entry of each section: the first one holding one of its pages.
    private readonly Dictionary<string, NavigationEntry> sections = Sections(navigation);

    // What each sidebar entry and the tag list link to, so that SharedLinks knows when a page may share them.
    private readonly string[][] entryTargets = [.. navigation.Entries.Select(e => e.Children.Prepend(e.Page).OfType<Page>().Select(p => p.OutputPath).ToArray())];

    private string[] TagTargets => field ??= [.. tags.Select(t => GeneratePages.TagUrl(t.Name))];

    private readonly SharedLinks shared = new();

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
        return new Dictionary<string, object?>(8)
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
        var section = page.Section is null ? null : sections.GetValueOrDefault(page.Section);
        var place = places.TryGetValue(page, out var found) ? found : (Entry: -1, Child: -1);
        readingIndex.TryGetValue(page, out var position);
        var inReadingOrder = readingIndex.ContainsKey(page);

        // Sized to their keys, as all the model's dictionaries: growing one allocates it again.
        return new Dictionary<string, object?>(12)
        {
            ["site"] = SiteModel(context, from, HasFeed),
            ["root"] = Urls.ToRoot(from),
            ["page"] = new Dictionary<string, object?>(16)
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
            ["nav"] = navigation.Entries.Select((entry, i) => i == place.Entry
                ? NavEntry(entry, open: true, place.Child, from)
                : shared.Get(entry, from, entryTargets[i], () => NavEntry(entry, open: false, -1, from))).ToList(),
            ["prev"] = inReadingOrder && position > 0 ? Link(navigation.ReadingOrder[position - 1].Metadata.Title, Url(navigation.ReadingOrder[position - 1])) : null,
            ["next"] = inReadingOrder && position + 1 < navigation.ReadingOrder.Length ? Link(navigation.ReadingOrder[position + 1].Metadata.Title, Url(navigation.ReadingOrder[position + 1])) : null,
            ["breadcrumbs"] = Breadcrumbs(page, section, Url),
            ["listing"] = Listing(page).Select(p => new Dictionary<string, object?>(4)
            {
                ["title"] = p.Metadata.Title,
                ["url"] = Url(p),
                ["description"] = p.Metadata.Description,
                ["date"] = p.Metadata.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "",
            }).ToList(),
            ["tags"] = shared.Get(tags, from, TagTargets, () => tags.Select(t => new Dictionary<string, object?>(3)
            {
                ["name"] = t.Name,
                ["url"] = Urls.Relative(from, GeneratePages.TagUrl(t.Name)),
                ["count"] = t.Count,
            }).ToList()),
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
            var item = new Dictionary<string, object?>(4)
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

    /// <summary>A sidebar entry seen from the page at <paramref name="from"/>: open when the page is in it, at
    /// <paramref name="current"/> among its pages (-1: the page is the entry's own).</summary>
    private Dictionary<string, object?> NavEntry(NavigationEntry entry, bool open, int current, string from)
    {
        var pages = open || fullSidebar ? entry.Children : [];
        var (start, count) = Window(open ? current : -1, pages.Length);
        var shown = new List<Dictionary<string, object?>>(count);
        for (var i = start; i < start + count; i++)
        {
            var child = pages[i];
            shown.Add(i == current && open
                ? ChildLink(child, from, active: true)
                : shared.Get(child, from, [child.OutputPath], () => ChildLink(child, from, active: false)));
        }

        return new Dictionary<string, object?>(8)
        {
            ["title"] = entry.Title,
            ["url"] = entry.Page is null ? (entry.Children.Length > 0 ? Urls.Relative(from, entry.Children[0].OutputPath) : null) : Urls.Relative(from, entry.Page.OutputPath),
            ["active"] = open && current < 0,
            ["open"] = open,
            ["isSection"] = entry.Children.Length > 0,
            ["pages"] = shown,
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

    private static Dictionary<string, object?> ChildLink(Page child, string from, bool active) =>
        new(3) { ["title"] = child.Metadata.Title, ["url"] = Urls.Relative(from, child.OutputPath), ["active"] = active };

    private static Dictionary<Page, (int Entry, int Child)> Places(Navigation navigation)
    {
        var places = new Dictionary<Page, (int, int)>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < navigation.Entries.Length; i++)
        {
            var entry = navigation.Entries[i];
            if (entry.Page is not null)
                places.TryAdd(entry.Page, (i, -1));
            for (var j = 0; j < entry.Children.Length; j++)
                places.TryAdd(entry.Children[j], (i, j));
        }

        return places;
    }

    private static Dictionary<string, NavigationEntry> Sections(Navigation navigation)
    {
        var sections = new Dictionary<string, NavigationEntry>(StringComparer.Ordinal);
        foreach (var entry in navigation.Entries)
        {
            foreach (var page in entry.Children.Prepend(entry.Page))
            {
                if (page?.Section is { } section)
                    sections.TryAdd(section, entry);
            }
        }

        return sections;
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

    private static Dictionary<string, object?> Link(string title, string? url) => new(3) { ["title"] = title, ["name"] = title, ["url"] = url };
}
