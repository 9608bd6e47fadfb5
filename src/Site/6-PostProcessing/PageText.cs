using System.Buffers;
using System.Text;

namespace Site.PostProcessing;

/// <summary>
/// The plain text of a rendered page, cut into sections at its ## and ### headings (the same ones as the table of
/// contents). What a reader would not search for is left out: code blocks, snippet output, buttons, "#" links.
/// </summary>
/// <remarks>
/// One pass over the HTML's tokens (<see cref="HtmlScanner"/>) that keeps only the stack of open elements: no document
/// is built. Where an element ends follows the HTML standard's tree construction for what a page holds (an unclosed
/// &lt;p&gt; or &lt;li&gt; ends at the next block or item, a stray end tag is ignored, an unclosed element ends with its
/// parent), so the text is the text of the DOM a browser would build, for sloppy HTML as for ours. Not imitated: text
/// moved out of a table ("foster parenting") and misnested formatting elements ("adoption agency") keep their place,
/// and an unclosed formatting element (&lt;b&gt;, &lt;a&gt;, …) is not re-opened after the block that closed it.
/// </remarks>
internal static class PageText
{
    /// <summary>Elements left out by name. Code is left out because it doubles the index and prose names what matters.</summary>
    private static readonly bool[] SkippedTags = Tags("pre button nav script style template");

    /// <summary>Elements left out by class (any element with one of these among its classes).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippedClasses =
        new HashSet<string>(["snippet-output", "snippet-summary", "code-header", "compare-tabs", "heading-anchor", "footnote-back-ref"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Elements that separate words: "a</p><p>b" is two words, "a<code>b</code>" is one.</summary>
    private static readonly bool[] Blocks = Tags(
        "address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ol p section summary table td th tr ul");

    /// <summary>Receives a page's sections in order. The text is the reader's own buffer, valid only during the call:
    /// the search index copies it into its JSON, so a section's text is never a string of its own.</summary>
    public delegate void SectionHandler(string heading, string anchor, ReadOnlySpan<char> text);

    /// <summary>The page's sections; the first is the text before the first heading (possibly empty).</summary>
    public static List<SearchSection> Sections(string html)
    {
        var sections = new List<SearchSection>();
        Read(html, (heading, anchor, text) => sections.Add(new SearchSection(heading, anchor, text.ToString())));
        return sections;
    }

    /// <summary>Hands the page's sections to <paramref name="onSection"/>, as <see cref="Sections"/> lists them.</summary>
    public static void Read(string html, SectionHandler onSection)
    {
        var reader = Reader.ForThisThread(onSection);
        var scanner = new HtmlScanner(html);
        while (true)
        {
            scanner.ForeignContent = reader.InForeignContent;
            switch (scanner.Next())
            {
                case HtmlScanner.Token.End:
                    reader.Finish();
                    return;
                case HtmlScanner.Token.Text:
                    reader.Text(scanner.Text, scanner.TextIsRaw);
                    break;
                case HtmlScanner.Token.StartTag:
                    if (reader.Start(scanner.Tag, scanner.Id, scanner.Class, scanner.SelfClosing))
                        scanner.ReadTextOf(scanner.Tag);
                    break;
                case HtmlScanner.Token.EndTag:
                    reader.End(scanner.Tag);
                    break;
            }
        }
    }

    /// <summary>The text with each run of white space made one space, and none at either end.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new CollapsedText();
        collapsed.Append(text, decode: false);
        return collapsed.Take();
    }

    /// <summary>A set of known tags, indexed by <see cref="HtmlTag.Index"/>.</summary>
    private static bool[] Tags(string names)
    {
        var set = new bool[HtmlTag.KnownCount];
        foreach (var name in names.Split(' '))
            set[HtmlTag.Of(name).Index] = true;
        return set;
    }

    private static bool HasSkippedClass(ReadOnlySpan<char> classes)
    {
        var names = classes.Contains('&') ? Decode(classes) : classes;
        foreach (var range in names.SplitAny(" \t\n\f\r"))
        {
            if (SkippedClasses.Contains(names[range]))
                return true;
        }

        return false;
    }

    /// <summary>An attribute's value with its character references decoded.</summary>
    private static string Decode(ReadOnlySpan<char> value)
    {
        if (!value.Contains('&'))
            return value.ToString();
        var decoded = new StringBuilder(value.Length);
        Span<char> reference = stackalloc char[4];
        for (var amp = value.IndexOf('&'); amp >= 0; amp = value.IndexOf('&'))
        {
            decoded.Append(value[..amp]);
            var taken = HtmlScanner.DecodeReference(value[amp..], inAttribute: true, reference, out var written);
            decoded.Append(taken == 0 ? "&" : reference[..written]);
            value = value[(amp + Math.Max(taken, 1))..];
        }

        return decoded.Append(value).ToString();
    }

    /// <summary>Where a search for an open element stops (the standard's "has an element in … scope").</summary>
    private enum Scope
    {
        Default,
        ListItem,
        Button,
        Table,

        /// <summary>The end tag of an ordinary element does not close a special one.</summary>
        Ordinary,

        /// <summary>The whole stack (&lt;/template&gt;).</summary>
        Document,
    }

    /// <summary>The state of one pass: the open elements, the sections so far and the text of the current one.</summary>
    private sealed class Reader
    {
        private static readonly HtmlTag P = HtmlTag.Of("p"), Li = HtmlTag.Of("li"), Dd = HtmlTag.Of("dd"), Dt = HtmlTag.Of("dt"),
            Ol = HtmlTag.Of("ol"), Ul = HtmlTag.Of("ul"), Address = HtmlTag.Of("address"), Div = HtmlTag.Of("div"),
            Button = HtmlTag.Of("button"), A = HtmlTag.Of("a"), Br = HtmlTag.Of("br"), H2 = HtmlTag.Of("h2"), H3 = HtmlTag.Of("h3"),
            Table = HtmlTag.Of("table"), Tr = HtmlTag.Of("tr"), Td = HtmlTag.Of("td"), Th = HtmlTag.Of("th"),
            Tbody = HtmlTag.Of("tbody"), Thead = HtmlTag.Of("thead"), Tfoot = HtmlTag.Of("tfoot"), Option = HtmlTag.Of("option"),
            Optgroup = HtmlTag.Of("optgroup"), Template = HtmlTag.Of("template"), Html = HtmlTag.Of("html"), Head = HtmlTag.Of("head"),
            Body = HtmlTag.Of("body"), Frameset = HtmlTag.Of("frameset");

        [ThreadStatic]
        private static Reader? reader;

        private readonly List<HtmlTag> open = [];
        private SectionHandler onSection = delegate { };
        private readonly CollapsedText text = new(), heading = new();
        private int skippedAt = -1; // the index in open of the outermost element left out, or -1
        private int headingAt = -1; // the index in open of the h2/h3 whose text is being read, or -1
        private int foreign; // open svg and math elements
        private string sectionHeading = "", sectionAnchor = "", nextAnchor = "";

        public bool InForeignContent => foreign > 0;

        private bool Skipping => skippedAt >= 0;

        public void Text(ReadOnlySpan<char> value, bool raw)
        {
            if (!Skipping)
                (headingAt >= 0 ? heading : text).Append(value, decode: !raw);
        }

        /// <summary>Opens the element; true if it is an HTML element whose content is text up to its end tag.</summary>
        public bool Start(HtmlTag tag, ReadOnlySpan<char> id, ReadOnlySpan<char> classes, bool selfClosing)
        {
            if (tag == Html || tag == Head || tag == Body || tag == Frameset || tag.Is(HtmlTagKinds.TableStructure) && Find(Table, Scope.Table) < 0)
                return false;
            CloseImplied(tag);

            var skipped = !Skipping && (SkippedTags[tag.Index] || HasSkippedClass(classes));
            if (tag.Is(HtmlTagKinds.Void) || selfClosing && (foreign > 0 || tag.Is(HtmlTagKinds.Foreign)))
            {
                if (!skipped && Blocks[tag.Index])
                    Separate();
                return false;
            }

            open.Add(tag);
            if (tag.Is(HtmlTagKinds.Foreign))
                foreign++;
            if (skipped)
            {
                skippedAt = open.Count - 1;
            }
            else if ((tag == H2 || tag == H3) && !id.IsEmpty && !Skipping && headingAt < 0)
            {
                EndSection();
                headingAt = open.Count - 1;
                nextAnchor = Decode(id);
            }
            else if (Blocks[tag.Index])
            {
                Separate();
            }

            return tag.Text != HtmlTextKind.Markup && foreign == 0;
        }

        public void End(HtmlTag tag)
        {
            if (tag == Html || tag == Head || tag == Body || tag == Frameset)
                return;
            if (tag == Br)
            {
                Start(Br, [], [], selfClosing: false); // </br> is read as <br>
                return;
            }

            var scope = tag == P ? Scope.Button
                : tag == Li ? Scope.ListItem
                : tag == Template ? Scope.Document
                : tag == Table || tag.Is(HtmlTagKinds.TableStructure) ? Scope.Table
                : tag.Is(HtmlTagKinds.Special) ? Scope.Default
                : Scope.Ordinary;
            var at = Find(tag, scope);
            if (at >= 0)
                PopTo(at);
            else if (tag == P)
                Separate(); // a </p> without a <p> is an empty paragraph
        }

        /// <summary>A reader for a new page, reusing this thread's buffers (pages are read in parallel).</summary>
        public static Reader ForThisThread(SectionHandler onSection)
        {
            var reader = Reader.reader ??= new Reader();
            reader.open.Clear();
            reader.onSection = onSection;
            reader.text.Clear();
            reader.heading.Clear();
            reader.sectionHeading = reader.sectionAnchor = reader.nextAnchor = "";
            reader.skippedAt = reader.headingAt = -1;
            reader.foreign = 0;
            return reader;
        }

        /// <summary>Ends the last section, once the page's end is read.</summary>
        public void Finish()
        {
            PopTo(0);
            EndSection();
        }

        private void EndSection()
        {
            onSection(sectionHeading, sectionAnchor, text.Written);
            text.Clear();
        }

        /// <summary>Closes what a start tag closes when the end tags were left out: &lt;p&gt; before a block, &lt;li&gt; before the next item, …</summary>
        private void CloseImplied(HtmlTag tag)
        {
            if (tag == Li)
                CloseItem(Li, Li);
            else if (tag == Dd || tag == Dt)
                CloseItem(Dd, Dt);

            if (tag.Is(HtmlTagKinds.ClosesParagraph) && Find(P, Scope.Button) is var p and >= 0)
                PopTo(p);

            var close = -1;
            if (tag.Is(HtmlTagKinds.Heading))
                close = open.Count > 0 && open[^1].Is(HtmlTagKinds.Heading) ? open.Count - 1 : -1;
            else if (tag == Button)
                close = Find(Button, Scope.Default);
            else if (tag == A)
                close = Find(A, Scope.Ordinary);
            else if (tag == Td || tag == Th)
                close = Math.Max(Find(Td, Scope.Table), Find(Th, Scope.Table));
            else if (tag == Tr)
                close = Find(Tr, Scope.Table);
            else if (tag == Tbody || tag == Thead || tag == Tfoot)
                close = Math.Max(Find(Tbody, Scope.Table), Math.Max(Find(Thead, Scope.Table), Find(Tfoot, Scope.Table)));
            else if (tag == Option || tag == Optgroup)
                close = open.Count > 0 && open[^1] == Option ? open.Count - 1 : -1;
            if (close >= 0)
                PopTo(close);
        }

        /// <summary>A new &lt;li&gt; (or &lt;dd&gt;/&lt;dt&gt;) closes the open one, unless a block other than address, div or p is nearer.</summary>
        private void CloseItem(HtmlTag item, HtmlTag twin)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i] == item || open[i] == twin)
                {
                    PopTo(i);
                    return;
                }

                if (open[i].Is(HtmlTagKinds.Special) && open[i] != Address && open[i] != Div && open[i] != P)
                    return;
            }
        }

        /// <summary>The index of the nearest open <paramref name="tag"/> (any heading for a heading) within the scope, or -1.</summary>
        private int Find(HtmlTag tag, Scope scope)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                var node = open[i];
                if (node == tag || node.Name == tag.Name || tag.Is(HtmlTagKinds.Heading) && node.Is(HtmlTagKinds.Heading))
                    return i;
                var stop = scope switch
                {
                    Scope.Default => node.Is(HtmlTagKinds.ScopeBoundary),
                    Scope.ListItem => node.Is(HtmlTagKinds.ScopeBoundary) || node == Ol || node == Ul,
                    Scope.Button => node.Is(HtmlTagKinds.ScopeBoundary) || node == Button,
                    Scope.Table => node.Is(HtmlTagKinds.TableScopeBoundary),
                    Scope.Ordinary => node.Is(HtmlTagKinds.Special),
                    _ => false,
                };
                if (stop)
                    return -1;
            }

            return -1;
        }

        /// <summary>Closes the open elements down to and including the one at <paramref name="index"/>.</summary>
        private void PopTo(int index)
        {
            for (var i = open.Count - 1; i >= index; i--)
            {
                var node = open[i];
                open.RemoveAt(i);
                if (node.Is(HtmlTagKinds.Foreign))
                    foreign--;
                if (i == skippedAt)
                {
                    skippedAt = -1;
                }
                else if (i == headingAt)
                {
                    sectionHeading = heading.Take();
                    sectionAnchor = nextAnchor;
                    headingAt = -1;
                }
                else if (Blocks[node.Index])
                {
                    Separate();
                }
            }
        }

        /// <summary>A block's start or end: a word ends here (a heading's own text runs on, as its DOM text does).</summary>
        private void Separate()
        {
            if (!Skipping && headingAt < 0)
                text.Space();
        }
    }

    /// <summary>Text with each run of white space made one space and none at either end, built as it comes.</summary>
    private sealed class CollapsedText
    {
        /// <summary>White space other than the space character, as .NET knows it (char.IsWhiteSpace, a Regex's \s).</summary>
        private const string OtherWhiteSpaceChars =
            "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

        private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(" " + OtherWhiteSpaceChars);
        private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(OtherWhiteSpaceChars);

        private char[] chars = new char[256];
        private int length;
        private bool space;

        /// <summary>The text so far.</summary>
        public ReadOnlySpan<char> Written => chars.AsSpan(0, length);

        /// <summary>A space before the next word, unless nothing came yet.</summary>
        public void Space() => space = length > 0;

        public void Append(ReadOnlySpan<char> value, bool decode)
        {
            Span<char> reference = stackalloc char[4];
            for (var amp = decode ? value.IndexOf('&') : -1; amp >= 0; amp = value.IndexOf('&'))
            {
                AppendPlain(value[..amp]);
                var taken = HtmlScanner.DecodeReference(value[amp..], inAttribute: false, reference, out var written);
                AppendPlain(taken == 0 ? "&" : reference[..written]);
                value = value[(amp + Math.Max(taken, 1))..];
            }

            AppendPlain(value);
        }

        public string Take()
        {
            var result = Written.ToString();
            Clear();
            return result;
        }

        public void Clear() => (length, space) = (0, false);

        /// <summary>Appends runs of words with single spaces between them whole; white space elsewhere becomes one space.</summary>
        private void AppendPlain(ReadOnlySpan<char> value)
        {
            while (!value.IsEmpty)
            {
                var word = value.IndexOfAnyExcept(WhiteSpace);
                if (word != 0)
                {
                    Space();
                    if (word < 0)
                        return;
                    value = value[word..];
                }

                var run = value.IndexOfAny(OtherWhiteSpace) is var other and >= 0 ? value[..other] : value;
                if (run.IndexOf("  ") is var doubled and >= 0)
                    run = run[..doubled];
                if (run[^1] == ' ')
                    run = run[..^1]; // the next round reads it as white space
                if (space)
                    Add(" ");
                space = false;
                Add(run);
                value = value[run.Length..];
            }
        }

        private void Add(ReadOnlySpan<char> value)
        {
            if (length + value.Length > chars.Length)
                Array.Resize(ref chars, Math.Max(2 * chars.Length, length + value.Length));
            value.CopyTo(chars.AsSpan(length));
            length += value.Length;
        }
    }
}
