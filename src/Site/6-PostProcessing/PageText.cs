using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.PostProcessing;

/// <summary>
/// The plain text of a rendered page, cut into sections at its ## and ### headings (the same ones as the table of
/// contents). What a reader would not search for is left out: code blocks, snippet output, buttons, "#" links.
/// </summary>
internal static partial class PageText
{
    /// <summary>Removed before reading the text. Code is left out because it doubles the index and prose names what matters.</summary>
    private const string Skipped =
        "pre, .snippet-output, .snippet-summary, .code-header, .compare-tabs, .heading-anchor, .footnote-back-ref, button, nav, script, style, template";

    /// <summary>Elements that separate words: "a</p><p>b" is two words, "a<code>b</code>" is one.</summary>
    private static readonly HashSet<string> Blocks =
    [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul",
    ];

    // One parser per thread: pages are read in parallel, and a parser is not meant to be shared.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>The page's sections; the first is the text before the first heading (possibly empty).</summary>
    public static List<SearchSection> Sections(string html)
    {
        var document = Parser.Value!.ParseDocument("<!DOCTYPE html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll(Skipped).ToList())
            element.Remove();

        var sections = new List<(string Heading, string Anchor, StringBuilder Text)> { ("", "", new StringBuilder()) };
        Walk(document.Body, sections);
        return sections.Select(s => new SearchSection(s.Heading, s.Anchor, Collapse(s.Text.ToString()))).ToList();
    }

    private static void Walk(INode node, List<(string Heading, string Anchor, StringBuilder Text)> sections)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sections[^1].Text.Append(text.Data);
            }
            else if (child is IElement element)
            {
                if (element.LocalName is "h2" or "h3" && element.Id is { Length: > 0 } id)
                {
                    sections.Add((Collapse(element.TextContent), id, new StringBuilder()));
                    continue;
                }

                var block = Blocks.Contains(element.LocalName);
                if (block)
                    sections[^1].Text.Append(' ');
                Walk(element, sections);
                if (block)
                    sections[^1].Text.Append(' ');
            }
        }
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
