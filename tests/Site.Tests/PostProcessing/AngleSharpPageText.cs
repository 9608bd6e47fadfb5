using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.PostProcessing;

namespace Site.Tests.PostProcessing;

/// <summary>
/// What <see cref="PageText.Sections"/> did before it had its own scanner: a browser's DOM (AngleSharp's HTML5 parser),
/// the left-out elements removed by CSS selector, the text walked. Kept only to check the scanner against it.
/// </summary>
internal static class AngleSharpPageText
{
    private const string Skipped =
        "pre, .snippet-output, .snippet-summary, .code-header, .compare-tabs, .heading-anchor, .footnote-back-ref, button, nav, script, style, template";

    private static readonly HashSet<string> Blocks =
    [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul",
    ];

    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    public static List<SearchSection> Sections(string html)
    {
        var document = Parser.Value!.ParseDocument("<!DOCTYPE html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll(Skipped).ToList())
            element.Remove();

        var sections = new List<(string Heading, string Anchor, StringBuilder Text)> { ("", "", new StringBuilder()) };
        Walk(document.Body, sections);
        return [.. sections.Select(s => new SearchSection(s.Heading, s.Anchor, PageText.Collapse(s.Text.ToString())))];
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
                    sections.Add((PageText.Collapse(element.TextContent), id, new StringBuilder()));
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
}
