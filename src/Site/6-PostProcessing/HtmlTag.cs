namespace Site.PostProcessing;

/// <summary>
/// An HTML element's name and what the HTML standard's parser (§13.2.6) says about it, as far as <see cref="PageText"/>
/// needs: which elements are void, which close an open &lt;p&gt;, where an end tag stops looking for its element, which
/// hold raw text. One instance per known name; any other name gets a plain instance of its own (so compare names).
/// </summary>
internal sealed class HtmlTag
{
    private static readonly Dictionary<string, HtmlTag> Known = Table();
    private static readonly Dictionary<string, HtmlTag>.AlternateLookup<ReadOnlySpan<char>> KnownSpans = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private HtmlTag(string name, HtmlTagKinds kinds = HtmlTagKinds.None, HtmlTextKind text = HtmlTextKind.Markup, int index = 0)
    {
        Name = name;
        Kinds = kinds;
        Text = text;
        Index = index;
    }

    /// <summary>How many known tags there are: their <see cref="Index"/> is below this.</summary>
    public static int KnownCount => Known.Count + 1;

    /// <summary>In lower case.</summary>
    public string Name { get; }

    /// <summary>A small number for a known tag (1, 2, …), for tables indexed by tag; 0 for any other.</summary>
    public int Index { get; }

    public HtmlTagKinds Kinds { get; }

    /// <summary>How the element's content is read.</summary>
    public HtmlTextKind Text { get; }

    public bool Is(HtmlTagKinds kind) => (Kinds & kind) != 0;

    /// <summary>The tag of a name as written (any case); allocates only for a name the table does not know or in upper case.</summary>
    public static HtmlTag Named(ReadOnlySpan<char> name)
    {
        if (KnownSpans.TryGetValue(name, out var tag))
            return tag;
        var lower = name.ToString().ToLowerInvariant();
        return Known.GetValueOrDefault(lower) ?? new HtmlTag(lower);
    }

    /// <summary>A tag of the table; throws for a name it lacks (a typo in the code).</summary>
    public static HtmlTag Of(string name) => Known[name];

    public override string ToString() => Name;

    private static Dictionary<string, HtmlTag> Table()
    {
        const HtmlTagKinds Special = HtmlTagKinds.Special;
        const HtmlTagKinds Block = HtmlTagKinds.Special | HtmlTagKinds.ClosesParagraph; // a special element that closes an open <p>
        const HtmlTagKinds Scope = HtmlTagKinds.Special | HtmlTagKinds.ScopeBoundary;
        const HtmlTagKinds Table = HtmlTagKinds.Special | HtmlTagKinds.TableStructure;
        (string Names, HtmlTagKinds Kinds, HtmlTextKind Text)[] groups =
        [
            ("area base basefont bgsound br col embed frame img image input keygen link meta param source track wbr", HtmlTagKinds.Void, HtmlTextKind.Markup),
            ("hr", HtmlTagKinds.Void | Block, HtmlTextKind.Markup),
            ("address article aside blockquote center details dir div dl fieldset figcaption figure footer form header hgroup "
                + "listing main menu nav ol p pre search section summary ul li dd dt", Block, HtmlTextKind.Markup),
            ("dialog", HtmlTagKinds.ClosesParagraph, HtmlTextKind.Markup),
            ("h1 h2 h3 h4 h5 h6", Block | HtmlTagKinds.Heading, HtmlTextKind.Markup),
            ("applet marquee object", Scope, HtmlTextKind.Markup),
            ("html template", Scope | HtmlTagKinds.TableScopeBoundary, HtmlTextKind.Markup),
            ("table", Scope | HtmlTagKinds.ClosesParagraph | HtmlTagKinds.TableScopeBoundary, HtmlTextKind.Markup),
            ("caption td th", Table | HtmlTagKinds.ScopeBoundary, HtmlTextKind.Markup),
            ("colgroup tbody tfoot thead tr", Table, HtmlTextKind.Markup),
            ("body button frameset head noscript select", Special, HtmlTextKind.Markup),
            ("script style iframe noembed noframes", Special, HtmlTextKind.RawText),
            ("xmp", Block, HtmlTextKind.RawText),
            ("textarea title", Special, HtmlTextKind.EscapableRawText),
            ("plaintext", Block, HtmlTextKind.PlainText),
            ("svg math", HtmlTagKinds.Foreign, HtmlTextKind.Markup),
            // Ordinary elements, listed so that they need no allocation.
            ("a abbr b bdi bdo cite code data del dfn em font i ins kbd label mark nobr option optgroup q rp rt ruby s samp small "
                + "span strike strong sub sup time tt u var audio video canvas picture map output progress meter legend slot "
                + "g path circle ellipse rect line polyline polygon text tspan use defs symbol mi mo mn ms mtext mrow", HtmlTagKinds.None, HtmlTextKind.Markup),
        ];
        var table = new Dictionary<string, HtmlTag>(StringComparer.Ordinal);
        foreach (var (names, kinds, text) in groups)
        {
            foreach (var name in names.Split(' '))
            {
                // <col> is void and table structure; <image> is read as <img>.
                table.Add(name, name switch
                {
                    "col" => new HtmlTag(name, kinds | HtmlTagKinds.TableStructure, text, table.Count + 1),
                    "image" => table["img"],
                    _ => new HtmlTag(name, kinds, text, table.Count + 1),
                });
            }
        }

        return table;
    }
}

/// <summary>What the parser's rules say about an element (<see cref="HtmlTag.Kinds"/>).</summary>
[Flags]
internal enum HtmlTagKinds
{
    None = 0,

    /// <summary>Has no content and no end tag (br, img, …).</summary>
    Void = 1,

    /// <summary>The standard's "special" category: an end tag of another element does not look past it.</summary>
    Special = 2,

    /// <summary>An end tag looks for its element no further (the standard's "has an element in scope").</summary>
    ScopeBoundary = 4,

    /// <summary>An end tag of a table part looks no further (the standard's "in table scope").</summary>
    TableScopeBoundary = 8,

    /// <summary>Its start tag closes an open &lt;p&gt;.</summary>
    ClosesParagraph = 16,

    /// <summary>h1–h6: a heading's end tag closes any open heading.</summary>
    Heading = 32,

    /// <summary>caption, col, colgroup, tbody, td, tfoot, th, thead, tr: ignored outside a table.</summary>
    TableStructure = 64,

    /// <summary>svg, math: inside them "/&gt;" closes an element.</summary>
    Foreign = 128,
}

/// <summary>How an element's content is read (<see cref="HtmlTag.Text"/>).</summary>
internal enum HtmlTextKind
{
    /// <summary>Tags and text.</summary>
    Markup,

    /// <summary>Text up to the element's end tag, character references left as they are (script, style, …).</summary>
    RawText,

    /// <summary>Text up to the element's end tag, character references decoded (textarea, title).</summary>
    EscapableRawText,

    /// <summary>The rest of the input is text.</summary>
    PlainText,
}
