using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Core;
using Site.Theme;

namespace Site.PostProcessing;

/// <summary>
/// Writes assets/search-index.js: every content and section page in reading order, cut at its headings, as a script
/// that sets <c>window.SEARCH_INDEX</c>. A script and not a .json file because a page opened from file:// may not
/// fetch one; the theme's search.js loads it with a script tag.
/// </summary>
internal sealed class BuildSearchIndex : IStage
{
    public const string OutputPath = "assets/search-index.js";

    /// <summary>Text kept per section: enough to find a section by what it is about and to show a snippet, while the
    /// index stays a fraction of the pages' own size (a long section is still found by its heading and first paragraphs).</summary>
    public const int MaxSectionText = 2000;

    private const string Head = "/* The site's search index (built by the generator; read by search.js). */\nwindow.SEARCH_INDEX = {\"pages\":[";
    private const string Tail = "]};\n";

    // Loaded with <script src>, never inlined in HTML, so only JSON's own escaping is needed; UTF-8 stays readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title"), UrlName = JsonEncodedText.Encode("url"),
        SectionName = JsonEncodedText.Encode("section"), SectionsName = JsonEncodedText.Encode("sections"),
        HeadingName = JsonEncodedText.Encode("heading"), AnchorName = JsonEncodedText.Encode("anchor"), TextName = JsonEncodedText.Encode("text");

    /// <summary>This thread's JSON writer and its buffer, reused from page to page (pages are read in parallel).</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? json;

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
        var memo = context.RebuildCache?.Memo<EntryInputs, byte[]>(Name);
        var pages = navigation.ReadingOrder
            .Concat(state.Pages.Where(p => p.Kind is PageKind.Content or PageKind.SectionIndex && !inReadingOrder.Contains(p)))
            .ToList();
        string? SectionOf(Page page) => page.Section is null ? null : sectionTitles.GetValueOrDefault(page.Section);
        var entries = PerPage.Map(pages, memo, page => page.SourcePath,
            page => new EntryInputs(page.ContentHtml, page.Metadata.Title, page.Metadata.Description, page.OutputPath, SectionOf(page)),
            (page, _) => Entry(page, SectionOf(page)), context, cancellationToken);

        return Task.FromResult(state with { Outputs = state.Outputs.Add(new OutputFile(OutputPath, Script(entries), null)) });
    }

    /// <summary>The script: the head, the entries joined by commas, the tail. The index is megabytes, so each entry is
    /// decoded once, straight into the script's one string.</summary>
    private static string Script(byte[][] entries)
    {
        var length = Head.Length + Math.Max(entries.Length - 1, 0) + Tail.Length;
        foreach (var entry in entries)
            length += Encoding.UTF8.GetCharCount(entry);
        return string.Create(length, entries, static (chars, entries) =>
        {
            Head.CopyTo(chars);
            var at = Head.Length;
            for (var i = 0; i < entries.Length; i++)
            {
                if (i > 0)
                    chars[at++] = ',';
                at += Encoding.UTF8.GetChars(entries[i], chars[at..]);
            }

            Tail.CopyTo(chars[at..]);
        });
    }

    /// <summary>
    /// A page's entry in the index, as UTF-8 JSON: its title, its url (relative to the site root, e.g.
    /// "runtime/virtual-machine/index.html"), the title of its section (null for a top-level page), and its sections, each a
    /// heading, an anchor and a text (the first section, the introduction, has neither heading nor anchor). The page's
    /// description leads its introduction.
    /// </summary>
    internal static byte[] Entry(Page page, string? section)
    {
        var (buffer, writer) = json ??= (new ArrayBufferWriter<byte>(), new Utf8JsonWriter(Stream.Null, WriterOptions));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString(TitleName, page.Metadata.Title);
        writer.WriteString(UrlName, page.OutputPath);
        writer.WriteString(SectionName, section);
        writer.WriteStartArray(SectionsName);
        var description = page.Metadata.Description;
        PageText.Read(page.ContentHtml, (heading, anchor, text) =>
        {
            writer.WriteStartObject();
            writer.WriteString(HeadingName, heading);
            writer.WriteString(AnchorName, anchor);
            if (description is { Length: > 0 })
            {
                // Joined in a pooled buffer: an introduction may be long, and only its start is kept.
                var length = description.Length + 1 + text.Length;
                var joined = ArrayPool<char>.Shared.Rent(length);
                description.CopyTo(joined);
                joined[description.Length] = ' ';
                text.CopyTo(joined.AsSpan(description.Length + 1));
                writer.WriteString(TextName, Shorten(joined.AsSpan(0, length).Trim(), MaxSectionText));
                ArrayPool<char>.Shared.Return(joined);
            }
            else
            {
                writer.WriteString(TextName, Shorten(text, MaxSectionText));
            }
            writer.WriteEndObject();
            description = null; // only the introduction
        });
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Everything a page's entry is made of (<see cref="Entry"/>).</summary>
    private sealed record EntryInputs(string ContentHtml, string Title, string Description, string Url, string? Section);

    /// <summary>At most <paramref name="max"/> characters, cut at a space so no word is half in the index.</summary>
    internal static ReadOnlySpan<char> Shorten(ReadOnlySpan<char> text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text[..(max + 1)].LastIndexOf(' ');
        return text[..(cut > max / 2 ? cut : max)];
    }
}
