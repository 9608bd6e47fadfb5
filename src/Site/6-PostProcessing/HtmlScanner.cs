using System.Text;
using Markdig.Helpers;

namespace Site.PostProcessing;

/// <summary>
/// A forward-only reader of an HTML fragment's tokens, after the HTML standard's tokenizer (§13.2.5) as far as reading
/// text needs: start and end tags with their <c>id</c> and <c>class</c>, and text. Comments, doctypes, processing
/// instructions and other bogus comments are skipped as the standard skips them; a tag cut off by the end of the input
/// is dropped. Nothing is allocated per token: a tag's name is looked up in a table of known tags, attribute values and
/// text are spans of the input (decode text with <see cref="DecodeReference"/>).
/// </summary>
/// <remarks>
/// As in the standard, the tokenizer does not know where a raw-text element (script, style, textarea, …) starts: the
/// reader of the tokens does, and says so with <see cref="ReadTextOf"/>; likewise <see cref="ForeignContent"/> for CDATA.
/// </remarks>
internal ref struct HtmlScanner
{
    private readonly ReadOnlySpan<char> html;
    private int position;
    private HtmlTag? rawText;
    private HtmlTag? pendingEnd;
    private Range? id, @class;

    public HtmlScanner(ReadOnlySpan<char> html) => this.html = html;

    /// <summary>What <see cref="Next"/> found.</summary>
    public enum Token
    {
        /// <summary>The end of the input.</summary>
        End,

        /// <summary>Text: <see cref="Text"/>, to decode unless <see cref="TextIsRaw"/>.</summary>
        Text,

        /// <summary><see cref="Tag"/>, with <see cref="Id"/>, <see cref="Class"/> and <see cref="SelfClosing"/>.</summary>
        StartTag,

        /// <summary><see cref="Tag"/> (its attributes, if any, are ignored).</summary>
        EndTag,
    }

    /// <summary>Set while the reader is inside svg or math, where <c>&lt;![CDATA[…]]&gt;</c> is text, not a bogus comment.</summary>
    public bool ForeignContent { get; set; }

    public HtmlTag Tag { get; private set; } = null!;

    public bool SelfClosing { get; private set; }

    public ReadOnlySpan<char> Text { get; private set; }

    /// <summary>The text is from a raw-text element or CDATA: character references are not decoded.</summary>
    public bool TextIsRaw { get; private set; }

    /// <summary>The start tag's first <c>id</c> attribute, undecoded; empty if it has none.</summary>
    public readonly ReadOnlySpan<char> Id => id is { } range ? html[range] : [];

    /// <summary>The start tag's first <c>class</c> attribute, undecoded; empty if it has none.</summary>
    public readonly ReadOnlySpan<char> Class => @class is { } range ? html[range] : [];

    /// <summary>After the start tag of a raw-text or RCDATA element (or plaintext): the next tokens are its text, then
    /// its end tag (none if the input ends first; plaintext's text is the rest of the input).</summary>
    public void ReadTextOf(HtmlTag tag) => rawText = tag;

    public Token Next()
    {
        if (pendingEnd is not null)
        {
            (Tag, pendingEnd) = (pendingEnd, null);
            return Token.EndTag;
        }

        if (rawText is not null)
            return ReadRawText();

        var start = position;
        while (true)
        {
            var lt = position < html.Length ? html[position..].IndexOf('<') : -1;
            if (lt < 0)
            {
                position = html.Length;
                return start < html.Length ? TextToken(start, html.Length, raw: false) : Token.End;
            }

            lt += position;
            if (!StartsMarkup(lt))
            {
                position = lt + 1;
                continue;
            }

            if (lt > start)
            {
                position = lt;
                return TextToken(start, lt, raw: false);
            }

            if (ReadMarkup(lt) is { } token)
                return token;
            start = position; // a comment, doctype or dropped tag: the text goes on after it
        }
    }

    /// <summary>A '&lt;' that starts a tag, an end tag, a comment or a bogus comment; any other '&lt;' is text.</summary>
    private readonly bool StartsMarkup(int lt)
    {
        if (lt + 1 >= html.Length)
            return false;
        var next = html[lt + 1];
        if (char.IsAsciiLetter(next) || next is '!' or '?')
            return true;
        return next == '/' && lt + 2 < html.Length; // "</" at the very end is text
    }

    private Token? ReadMarkup(int lt)
    {
        var next = html[lt + 1];
        if (char.IsAsciiLetter(next))
            return ReadTag(lt + 1, Token.StartTag);
        if (next == '/')
        {
            if (char.IsAsciiLetter(html[lt + 2]))
                return ReadTag(lt + 2, Token.EndTag);
            position = html[lt + 2] == '>' ? lt + 3 : SkipBogusComment(lt + 2); // "</>" is nothing
            return null;
        }

        if (next == '?')
        {
            position = SkipBogusComment(lt + 1);
            return null;
        }

        var rest = html[(lt + 2)..];
        if (rest.StartsWith("--"))
        {
            position = SkipComment(lt + 4);
            return null;
        }

        if (ForeignContent && rest.StartsWith("[CDATA["))
        {
            var from = lt + 9;
            var close = html[from..].IndexOf("]]>");
            position = close < 0 ? html.Length : from + close + 3;
            return TextToken(from, close < 0 ? html.Length : from + close, raw: true);
        }

        position = SkipBogusComment(lt + 2); // <!DOCTYPE …>, <![CDATA[…]> outside svg and math, <!anything>
        return null;
    }

    /// <summary>After "&lt;!--": where the comment ends ("--&gt;", "--!&gt;", or at once for "&lt;!--&gt;" and "&lt;!---&gt;").</summary>
    private readonly int SkipComment(int from)
    {
        var rest = html[from..];
        if (rest.StartsWith(">"))
            return from + 1;
        if (rest.StartsWith("->"))
            return from + 2;
        for (var i = rest.IndexOf("--"); i >= 0; i = NextDashes(rest, i + 1))
        {
            if (rest[(i + 2)..].StartsWith(">"))
                return from + i + 3;
            if (rest[(i + 2)..].StartsWith("!>"))
                return from + i + 4;
        }

        return html.Length;

        static int NextDashes(ReadOnlySpan<char> text, int from) => text[from..].IndexOf("--") is var i and >= 0 ? from + i : -1;
    }

    private readonly int SkipBogusComment(int from) => html[from..].IndexOf('>') is var gt and >= 0 ? from + gt + 1 : html.Length;

    private Token TextToken(int from, int to, bool raw)
    {
        Text = html[from..to];
        TextIsRaw = raw;
        return Token.Text;
    }

    /// <summary>A tag from its name (at <paramref name="from"/>) to its '&gt;'; null (nothing) if the input ends first.</summary>
    private Token? ReadTag(int from, Token kind)
    {
        var p = from;
        while (p < html.Length && !IsSpace(html[p]) && html[p] is not '/' and not '>')
            p++;
        var tag = HtmlTag.Named(html[from..p]);
        id = @class = null;
        SelfClosing = false;
        while (true)
        {
            while (p < html.Length && IsSpace(html[p]))
                p++;
            if (p >= html.Length)
                return Dropped();
            if (html[p] == '>')
                break;
            if (html[p] == '/')
            {
                p++;
                if (p < html.Length && html[p] == '>')
                {
                    SelfClosing = true;
                    break;
                }

                continue;
            }

            // An attribute: its name (a first '=' belongs to it), then maybe '=' and a value.
            var nameStart = p++;
            while (p < html.Length && !IsSpace(html[p]) && html[p] is not '/' and not '>' and not '=')
                p++;
            var name = html[nameStart..p];
            while (p < html.Length && IsSpace(html[p]))
                p++;
            var value = p..p; // no value, or an empty one
            if (p < html.Length && html[p] == '=')
            {
                p++;
                while (p < html.Length && IsSpace(html[p]))
                    p++;
                if (p >= html.Length)
                    return Dropped();
                if (html[p] is '"' or '\'')
                {
                    var close = html[(p + 1)..].IndexOf(html[p]);
                    if (close < 0)
                        return Dropped();
                    value = (p + 1)..(p + 1 + close);
                    p += close + 2;
                }
                else if (html[p] != '>')
                {
                    var start = p;
                    while (p < html.Length && !IsSpace(html[p]) && html[p] != '>')
                        p++;
                    value = start..p;
                }
            }

            // The first attribute of a name counts; "id" and "class" are all the reader needs.
            if (name.Equals("id", StringComparison.OrdinalIgnoreCase))
                id ??= value;
            else if (name.Equals("class", StringComparison.OrdinalIgnoreCase))
                @class ??= value;
        }

        position = p + 1;
        Tag = tag;
        return kind;
    }

    /// <summary>A tag cut off by the end of the input is no tag: nothing more comes.</summary>
    private Token? Dropped()
    {
        position = html.Length;
        return null;
    }

    /// <summary>The text of a raw-text element up to its end tag ("&lt;/name" then a space, '/' or '&gt;'), then that end tag.</summary>
    private Token ReadRawText()
    {
        var tag = rawText!;
        rawText = null;
        var from = position;
        var end = html.Length;
        position = html.Length;
        for (var search = from; tag.Text != HtmlTextKind.PlainText && html[search..].IndexOf("</") is var i and >= 0; search += i + 2)
        {
            var after = search + i + 2 + tag.Name.Length;
            if (after < html.Length && html[(search + i + 2)..].StartsWith(tag.Name, StringComparison.OrdinalIgnoreCase)
                && (IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                end = search + i;
                if (html[after..].IndexOf('>') is var gt and >= 0) // else the end tag is cut off: the element ends with the input
                {
                    position = after + gt + 1;
                    pendingEnd = tag;
                }

                break;
            }
        }

        return end > from ? TextToken(from, end, raw: tag.Text != HtmlTextKind.EscapableRawText) : Next();
    }

    /// <summary>HTML's white space: space, tab, line feed, form feed, carriage return.</summary>
    private static bool IsSpace(char c) => c <= ' ' && ((1UL << c) & SpaceBits) != 0;

    private const ulong SpaceBits = 1UL << ' ' | 1UL << '\t' | 1UL << '\n' | 1UL << '\f' | 1UL << '\r';

    /// <summary>
    /// The character reference at the start of <paramref name="text"/> (which starts with '&amp;'), as the standard reads
    /// one: numeric (decimal or hex, ';' optional, out-of-range and surrogate code points become U+FFFD, C1 controls are
    /// read as windows-1252) or named (the longest name the standard knows; without its ';' only the legacy names, and in
    /// an attribute not when a letter, digit or '=' follows). Returns how many characters it took (0: not a reference,
    /// the '&amp;' is text) and writes what they stand for to <paramref name="decoded"/> (at least 4 long).
    /// </summary>
    public static int DecodeReference(ReadOnlySpan<char> text, bool inAttribute, Span<char> decoded, out int written)
    {
        written = 0;
        if (text.Length > 1 && text[1] == '#')
            return DecodeNumber(text, decoded, out written);

        var length = 1;
        while (length < text.Length && char.IsAsciiLetterOrDigit(text[length]))
            length++;
        var name = text[1..length];
        if (name.IsEmpty)
            return 0;
        if (length < text.Length && text[length] == ';' && (Common(name) ?? EntityHelper.DecodeEntity(name)) is { } value)
        {
            value.CopyTo(decoded);
            written = value.Length;
            return length + 1;
        }

        for (var prefix = Math.Min(name.Length, LongestLegacyName); prefix >= 2; prefix--)
        {
            if (!LegacyNames.Contains(name[..prefix]))
                continue;
            var after = 1 + prefix < text.Length ? text[1 + prefix] : '\0';
            if (inAttribute && (char.IsAsciiLetterOrDigit(after) || after == '='))
                return 0;
            value = EntityHelper.DecodeEntity(name[..prefix])!;
            value.CopyTo(decoded);
            written = value.Length;
            return 1 + prefix;
        }

        return 0;
    }

    /// <summary>The names our own HTML uses, without a look-up in the standard's 2,000 (whose table takes milliseconds to load).</summary>
    private static string? Common(ReadOnlySpan<char> name) => name switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u00A0",
        _ => null,
    };

    private static int DecodeNumber(ReadOnlySpan<char> text, Span<char> decoded, out int written)
    {
        written = 0;
        var hex = text.Length > 2 && text[2] is 'x' or 'X';
        var start = hex ? 3 : 2;
        var end = start;
        var code = 0L;
        while (end < text.Length && (hex ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
        {
            var digit = char.IsAsciiDigit(text[end]) ? text[end] - '0' : (text[end] | 0x20) - 'a' + 10;
            code = Math.Min(code * (hex ? 16 : 10) + digit, 0x110000);
            end++;
        }

        if (end == start)
            return 0; // "&#" or "&#x" without digits is text
        if (end < text.Length && text[end] == ';')
            end++;

        var rune = code switch
        {
            0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) => new Rune(0xFFFD),
            >= 0x80 and <= 0x9F when Windows1252[(int)code - 0x80] != 0 => new Rune(Windows1252[(int)code - 0x80]),
            _ => new Rune((int)code),
        };
        written = rune.EncodeToUtf16(decoded);
        return end;
    }

    /// <summary>Code points 0x80–0x9F in a numeric reference stand for these (windows-1252); 0: the code point itself.</summary>
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    /// <summary>The names the standard also reads without their ';' (HTML 4's Latin-1 set and a few capitalised twins).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LegacyNames = new HashSet<string>(
        """
        AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave Iuml LT
        Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig
        agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14
        frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ograve ordf ordm
        oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml
        uuml yacute yen yuml
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private const int LongestLegacyName = 6;
}
