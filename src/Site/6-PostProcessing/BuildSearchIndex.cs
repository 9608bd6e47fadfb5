using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core;
using Site.Theme;

namespace Site.PostProcessing;

/// <summary>
/// Writes assets/search-index.js: every content and section page in reading order, cut at its headings, as a script
/// that sets <c>window.SEARCH_INDEX</c>. A script and not a .json file because a page opened from file:// may not
/// fetch one; the theme's search.js loads it with a script tag.
/// </summary>
internal sealed partial class BuildSearchIndex : IStage
{
    public const string OutputPath = "assets/search-index.js";

    /// <summary>Text kept per section: enough to find a section by what it is about and to show a snippet, while the
    /// index stays a fraction of the pages' own size (a long section is still found by its heading and first paragraphs).</summary>
    public const int MaxSectionText = 2000;

    private static readonly IndexJson Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Loaded with <script src>, never inlined in HTML, so only JSON's own escaping is needed; UTF-8 stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public Phase Phase => Phase.PostProcess;

    public string Name => "search";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var navigation = Navigation.Of(state);
        var sectionTitles = navigation.Entries
            .Select(e => (Key: (e.Page ?? e.Children.FirstOrDefault())?.Section, e.Title))
            .Where(e => e.Key is not null)
            .ToDictionary(e => e.Key!, e => e.Title, StringComparer.Ordinal);

        // Reading order, then any page the navigation leaves out. Not tag pages: they only list pages found anyway.
        // By reference: a page record's own hash would hash its whole text and HTML.
        var inReadingOrder = navigation.ReadingOrder.ToHashSet<Page>(ReferenceEqualityComparer.Instance);
        // Under serve, a page whose entry's inputs are unchanged keeps its JSON: a one-page edit cuts up one page's HTML.
        var memo = context.RebuildCache?.Memo<EntryInputs, string>(Name);
        var pages = navigation.ReadingOrder
            .Concat(state.Pages.Where(p => p.Kind is PageKind.Content or PageKind.SectionIndex && !inReadingOrder.Contains(p)))
            .ToList();
        string? SectionOf(Page page) => page.Section is null ? null : sectionTitles.GetValueOrDefault(page.Section);
        var entries = PerPage.Map(pages, memo, page => page.SourcePath,
            page => new EntryInputs(page.ContentHtml, page.Metadata.Title, page.Metadata.Description, page.OutputPath, SectionOf(page)),
            (page, _) => Entry(page, SectionOf(page)), context, cancellationToken);

        // The same bytes as serializing { pages } whole: an object with one array, its elements joined by commas. The index is
        // megabytes, so its parts are copied once, straight into the script: the head, each entry and its comma, the tail.
        var parts = new string[2 * entries.Length + 1];
        parts[0] = "/* The site's search index (built by the generator; read by search.js). */\nwindow.SEARCH_INDEX = {\"pages\":[";
        for (var i = 0; i < entries.Length; i++)
            (parts[2 * i + 1], parts[2 * i + 2]) = (entries[i], i + 1 < entries.Length ? "," : "");
        parts[^1] += "]};\n";
        return Task.FromResult(state with { Outputs = state.Outputs.Add(new OutputFile(OutputPath, string.Concat(parts), null)) });
    }

    /// <summary>A page's entry in the index, as JSON.</summary>
    internal static string Entry(Page page, string? section) => JsonSerializer.Serialize(ForPage(page, section), Json.SearchPage);

    /// <summary>Everything a page's entry is made of (<see cref="ForPage"/>).</summary>
    private sealed record EntryInputs(string ContentHtml, string Title, string Description, string Url, string? Section);

    internal static SearchPage ForPage(Page page, string? section)
    {
        var sections = PageText.Sections(page.ContentHtml);
        if (page.Metadata.Description is { Length: > 0 } description)
            sections[0] = sections[0] with { Text = (description + " " + sections[0].Text).Trim() };
        return new SearchPage(page.Metadata.Title, page.OutputPath, section,
            [.. sections.Select(s => s with { Text = Shorten(s.Text, MaxSectionText) })]);
    }

    /// <summary>At most <paramref name="max"/> characters, cut at a space so no word is half in the index.</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)];
    }

    /// <summary>The index's JSON, written by generated code: no reflection when the stage first runs.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(SearchPage))]
    private sealed partial class IndexJson : JsonSerializerContext;
}
