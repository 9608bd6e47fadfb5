using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// Turns the source of a JavaScript regular expression, as highlight.js builds it (flags <c>m</c>, maybe <c>i</c> and
/// <c>u</c>), into a .NET <see cref="Regex"/> that matches the same text. <see cref="RegexOptions.ECMAScript"/> gives
/// ASCII <c>\w</c>, <c>\d</c>, <c>\b</c> and backreferences to groups that did not take part matching empty, as in
/// JavaScript; the rest is rewritten: <c>\s</c> (JavaScript's includes Unicode spaces), <c>.</c>, <c>^</c> and <c>$</c>
/// (every line terminator, not only \n), <c>[^]</c>, identity escapes (<c>\e</c> is "e"), <c>[</c> inside a class, and
/// with <c>u</c> the code points: <c>\p{…}</c> from Node's own tables, and <c>.</c>, <c>\S</c>, <c>[^…]</c> taking a
/// surrogate pair whole. <c>i</c> is spelled out as both cases of each ASCII letter: .NET's IgnoreCase would also match
/// the Kelvin sign K to <c>k</c>, which JavaScript does only with <c>u</c> (and then the long s ſ to <c>s</c> too).
/// Interpreted, not compiled: compiling costs more than a build's matching saves.
/// </summary>
internal sealed class JsRegex
{
    private const string Space = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
    private const string LineTerminators = @"\n\r\u2028\u2029";
    private const string SurrogatePair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";

    // With u and i, JavaScript's \w also holds the characters that fold to ASCII letters.
    private const string FoldedWord = @"A-Za-z0-9_\u017F\u212A";

    private static readonly ConcurrentDictionary<(string Source, bool IgnoreCase, bool Unicode, bool Anchored), ThreadRegex> Cache = new();

    /// <summary>The code points of each <c>\p{…}</c> the grammars use, as exported from Node (<see cref="Grammar"/>).</summary>
    private static readonly ConcurrentDictionary<string, string> Properties = new(StringComparer.Ordinal);

    private readonly string source;
    private readonly bool unicode;
    private readonly bool ignoreCase;
    private readonly StringBuilder output = new();

    private JsRegex(string source, bool unicode, bool ignoreCase)
    {
        this.source = source;
        this.unicode = unicode;
        this.ignoreCase = ignoreCase;
    }

    public static void AddProperty(string name, string ranges) => Properties.TryAdd(name, ranges);

    /// <summary>
    /// The .NET regex for a JavaScript source; built once per process, since grammars share many. <paramref name="anchored"/>
    /// puts it behind <c>\G</c>: it matches only where the search starts (its groups keep their numbers).
    /// </summary>
    public static ThreadRegex Get(string source, bool ignoreCase, bool unicode, bool anchored = false) =>
        Cache.GetOrAdd((source, ignoreCase, unicode, anchored), key =>
        {
            var translated = Translate(key.Source, key.Unicode, key.IgnoreCase);
            return new ThreadRegex(key.Anchored ? $@"\G(?:{translated})" : translated, RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
        });

    public static string Translate(string source, bool unicode, bool ignoreCase) => new JsRegex(source, unicode, ignoreCase).Translate();

    private string Translate()
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\\':
                    i = Escape(i, output, astral: null);
                    break;
                case '[':
                    i = Class(i);
                    break;
                case '.':
                    output.Append(unicode ? $"(?:{SurrogatePair}|[^{LineTerminators}])" : $"[^{LineTerminators}]");
                    break;
                case '^':
                    output.Append($"(?<![^{LineTerminators}])");
                    break;
                case '$':
                    output.Append($"(?![^{LineTerminators}])");
                    break;
                case '(' when i + 3 < source.Length && source[i + 1] == '?' && source[i + 2] == '<' && source[i + 3] is not ('=' or '!'):
                    throw Unsupported("named groups");
                default:
                    AppendLiteral(c, output, inClass: false);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>A character as itself, or under <c>i</c> a letter as the class of its cases.</summary>
    private void AppendLiteral(char c, StringBuilder to, bool inClass)
    {
        var cases = ignoreCase && char.IsAsciiLetter(c) ? Cases(c, c) : null;
        if (cases is null)
            to.Append(c);
        else
            to.Append(inClass ? cases : $"[{cases}]");
    }

    /// <summary>Under <c>i</c>, the class text for the ASCII letters of <paramref name="first"/>..<paramref name="last"/> in both cases.</summary>
    private string Cases(char first, char last)
    {
        var text = new StringBuilder();
        foreach (var (lower, upper) in new[] { ('a', 'z'), ('A', 'Z') })
        {
            var from = (char)Math.Max(first, lower);
            var to = (char)Math.Min(last, upper);
            if (from > to)
                continue;
            var shift = lower == 'a' ? -32 : 32;
            text.Append(from).Append('-').Append(to).Append((char)(from + shift)).Append('-').Append((char)(to + shift));
            if (unicode && from <= (lower + 10) && (lower + 10) <= to)
                text.Append(@"\u212A"); // k
            if (unicode && from <= (lower + 18) && (lower + 18) <= to)
                text.Append(@"\u017F"); // s
        }

        return text.ToString();
    }

    /// <summary>
    /// Translates the escape at <paramref name="i"/>; returns the index of its last character. In a class,
    /// <paramref name="astral"/> collects the alternatives for code points beyond U+FFFF, which a .NET class cannot hold.
    /// </summary>
    private int Escape(int i, StringBuilder to, StringBuilder? astral)
    {
        if (i + 1 >= source.Length)
            throw Unsupported("a trailing backslash");
        var inClass = astral is not null;
        var folded = unicode && ignoreCase;
        var c = source[i + 1];
        switch (c)
        {
            case 's':
                to.Append(inClass ? Space : $"[{Space}]");
                return i + 1;
            case 'S' when !inClass:
                to.Append(unicode ? $"(?:{SurrogatePair}|[^{Space}])" : $"[^{Space}]");
                return i + 1;
            case 'w' when folded:
                to.Append(inClass ? FoldedWord : $"[{FoldedWord}]");
                return i + 1;
            case 'W' when folded && !inClass:
                to.Append($"(?:{SurrogatePair}|[^{FoldedWord}])");
                return i + 1;
            case 'b' or 'B' when folded && !inClass:
                var boundary = $"(?<=[{FoldedWord}])(?![{FoldedWord}])|(?<![{FoldedWord}])(?=[{FoldedWord}])";
                to.Append(c == 'b' ? $"(?:{boundary})" : $"(?!{boundary})");
                return i + 1;
            case 'W' or 'D' when unicode && !inClass:
                to.Append($"(?:{SurrogatePair}|\\{c})");
                return i + 1;
            case 'p' or 'P' when unicode:
                var close = source.IndexOf('}', i);
                var name = source[(i + 3)..close];
                if (c == 'P' || !Properties.TryGetValue(name, out var ranges))
                    throw Unsupported($"\\{c}{{{name}}} (not exported)");
                AppendCodePoints(ranges, to, astral);
                return close;
            case 'u' when unicode && i + 2 < source.Length && source[i + 2] == '{':
                var end = source.IndexOf('}', i);
                to.Append(Regex.Escape(char.ConvertFromUtf32(Convert.ToInt32(source[(i + 3)..end], 16))));
                return end;
            case 'd' or 'D' or 'w' or 'W' or 'b' or 'B' or 'f' or 'n' or 'r' or 't' or 'v' or 'x' or 'u' or 'c' or 'S' or (>= '0' and <= '9'):
                to.Append('\\').Append(c);
                return i + 1;
            case >= 'a' and <= 'z' or >= 'A' and <= 'Z':
                AppendLiteral(c, to, inClass); // an identity escape: \e is "e" in JavaScript, an escape character in .NET
                return i + 1;
            default:
                to.Append('\\').Append(c);
                return i + 1;
        }
    }

    /// <summary>Translates the class starting at <paramref name="start"/>; returns the index of its closing bracket.</summary>
    private int Class(int start)
    {
        var negated = start + 1 < source.Length && source[start + 1] == '^';
        var i = start + (negated ? 2 : 1);
        var body = new StringBuilder();
        var astral = new StringBuilder();
        var nonSpace = false;
        for (; i < source.Length && source[i] != ']'; i++)
        {
            if (source[i] == '\\' && i + 1 < source.Length && source[i + 1] == 'S')
            {
                nonSpace = true;
                i++;
            }
            else if (source[i] == '\\')
            {
                i = Escape(i, body, astral);
                if (ignoreCase && i + 2 < source.Length && source[i + 1] == '-' && source[i + 2] != ']')
                    throw Unsupported("a range from an escape under i");
            }
            else if (ignoreCase && i + 2 < source.Length && source[i + 1] == '-' && source[i + 2] == '\\')
            {
                throw Unsupported("a range to an escape under i");
            }
            else if (ignoreCase && i + 2 < source.Length && source[i + 1] == '-' && source[i + 2] != ']')
            {
                // A range of literal characters: its letters in both cases too.
                body.Append(source[i] == '[' ? "\\[" : source[i]).Append('-').Append(source[i + 2] == '[' ? "\\[" : source[i + 2]);
                body.Append(Cases(source[i], source[i + 2]));
                i += 2;
            }
            else
            {
                if (source[i] == '[')
                    body.Append("\\[");
                else
                    AppendLiteral(source[i], body, inClass: true);
            }
        }

        if (i >= source.Length)
            throw Unsupported("an unclosed class");
        if (negated && (nonSpace || astral.Length > 0))
            throw Unsupported("a negated class with \\S or astral code points");
        var text = body.ToString();
        if (astral.Length > 0)
            output.Append("(?:[").Append(text).Append(']').Append(astral).Append(')');
        else if (nonSpace && text == Space)
            output.Append(@"[\s\S]"); // JavaScript's [\s\S]: any character
        else if (nonSpace)
            output.Append(text.Length == 0 ? $"[^{Space}]" : $"(?:[^{Space}]|[{text}])");
        else if (text.Length == 0)
            output.Append(negated ? @"[\s\S]" : "(?!)"); // [^] is any character, [] none
        else if (negated && unicode)
            output.Append($"(?:{SurrogatePair}|[^{text}])");
        else
            output.Append(negated ? "[^" : "[").Append(text).Append(']');
        return i;
    }

    private NotSupportedException Unsupported(string what) => new($"highlight.js grammar: {what} in /{source}/ is not supported");

    /// <summary>
    /// Appends code points ("41-5a 5f …", hexadecimal) as class ranges (BMP) and, for astral ones, "|high[lows]"
    /// alternatives: to the class being built and its <paramref name="astral"/> alternatives, or as a group of its own.
    /// </summary>
    private static void AppendCodePoints(string ranges, StringBuilder to, StringBuilder? astral)
    {
        var bmp = new StringBuilder();
        var pairs = new StringBuilder();
        foreach (var range in ranges.Split(' '))
        {
            var bounds = range.Split('-');
            var (first, last) = (Convert.ToInt32(bounds[0], 16), Convert.ToInt32(bounds[^1], 16));
            if (first <= 0xFFFF)
                bmp.Append($"\\u{first:X4}").Append(last > first ? $"-\\u{Math.Min(last, 0xFFFF):X4}" : "");
            if (last > 0xFFFF)
                AppendAstral(Math.Max(first, 0x10000), last, pairs);
        }

        if (astral is not null)
        {
            to.Append(bmp);
            astral.Append(pairs);
        }
        else
        {
            to.Append("(?:[").Append(bmp).Append(']').Append(pairs).Append(')');
        }
    }

    /// <summary>A range of astral code points as alternatives of surrogate pairs: "|\uD835[\uDC00-\uDC54]|…".</summary>
    private static void AppendAstral(int first, int last, StringBuilder to)
    {
        while (first <= last)
        {
            var high = (first - 0x10000) >> 10;
            var low = (first - 0x10000) & 0x3FF;
            var lastFullBlock = ((last - 0x10000 + 1) >> 10) - 1; // the last block of 1,024 that the range covers to its end
            if (low == 0 && lastFullBlock >= high)
            {
                to.Append($"|[\\u{0xD800 + high:X4}-\\u{0xD800 + lastFullBlock:X4}][\\uDC00-\\uDFFF]");
                first = 0x10000 + ((lastFullBlock + 1) << 10);
                continue;
            }

            var blockLast = Math.Min(last, 0x10000 + (high << 10) + 0x3FF);
            to.Append($"|\\u{0xD800 + high:X4}[\\u{0xDC00 + low:X4}-\\u{0xDC00 + ((blockLast - 0x10000) & 0x3FF):X4}]");
            first = blockLast + 1;
        }
    }
}
