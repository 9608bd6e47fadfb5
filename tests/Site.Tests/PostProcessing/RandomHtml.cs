using System.Text;

namespace Site.Tests.PostProcessing;

/// <summary>
/// Random HTML fragments for checking <see cref="Site.PostProcessing.PageText"/> against a browser's parser: headings with
/// and without ids, left-out elements by tag and by class (nested, among other classes), entities, comments, raw text,
/// void elements, attributes with quotes and '&gt;', upper-case tags. Well-formed unless <c>sloppy</c>: then end tags of
/// &lt;p&gt;, &lt;li&gt;, &lt;td&gt; and others go missing and stray end tags appear.
/// </summary>
internal sealed class RandomHtml(int seed, bool sloppy)
{
    private static readonly string[] Words = ["python", "node", "venv", "pip", "a", "b", "x", "ünïcode", "日本", "end.", "(see)", "--"];
    private static readonly string[] Entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", "&copy;", "&rarr;", "&check;", "&#x1F600;", "&#128;", "&#0;", "&amp", "&copy 2024", "&notit;", "&bogus;", "& ", "&#;", "&#x;"];
    private static readonly string[] Classes = ["snippet-output", "snippet-summary", "code-header", "compare-tabs", "heading-anchor", "footnote-back-ref", "note", "code-block", "heading", "snippet"];
    private static readonly string[] Inline = ["span", "a", "em", "strong", "code", "sup", "kbd", "b", "i", "abbr"];
    private static readonly HashSet<string> Formatting = ["a", "b", "code", "em", "i", "strong"];
    private static readonly string[] Stray = ["div", "p", "li", "span", "sup", "kbd", "section", "br", "h2", "nav", "pre"];
    private static readonly string[] Containers = ["div", "section", "blockquote", "aside", "article", "footer", "header", "figure", "nav", "template", "details"];

    private readonly Random random = new(seed);
    private readonly StringBuilder html = new();

    public string Next()
    {
        html.Clear();
        Blocks(depth: 0, count: random.Next(1, 6));
        return html.ToString();
    }

    private void Blocks(int depth, int count)
    {
        for (var i = 0; i < count; i++)
            Block(depth);
    }

    private void Block(int depth)
    {
        switch (random.Next(depth > 3 ? 8 : 14))
        {
            case 0 or 1 or 2:
                Element("p", () => Phrasing(depth), closeOptional: true);
                break;
            case 3:
                Element("h" + random.Next(1, 7), () => Phrasing(depth));
                break;
            case 4:
                Element("pre", () => { if (random.Next(2) == 0) Element("code", Text); else Text(); });
                break;
            case 5:
                Raw(random.Next(2) == 0 ? "script" : "style");
                break;
            case 6:
                Void(random.Next(2) == 0 ? "hr" : "img");
                break;
            case 7:
                Comment();
                break;
            case 8 or 9:
                Element(Containers[random.Next(Containers.Length)], () => Blocks(depth + 1, random.Next(0, 4)));
                break;
            case 10:
                Element(random.Next(2) == 0 ? "ul" : "ol", () =>
                {
                    for (var i = random.Next(1, 4); i > 0; i--)
                        Element("li", () => { if (random.Next(3) == 0) Blocks(depth + 1, 2); else Phrasing(depth); }, closeOptional: true);
                });
                break;
            case 11:
                Element("table", () => Element("tbody", () =>
                {
                    for (var r = random.Next(1, 3); r > 0; r--)
                    {
                        Element("tr", () =>
                        {
                            for (var c = random.Next(1, 3); c > 0; c--)
                                Element(random.Next(3) == 0 ? "th" : "td", () => Phrasing(depth), closeOptional: true);
                        }, closeOptional: true);
                    }
                }));
                break;
            case 12:
                Element("dl", () =>
                {
                    Element("dt", () => Phrasing(depth), closeOptional: true);
                    Element("dd", () => Phrasing(depth), closeOptional: true);
                });
                break;
            default:
                Element("div", () =>
                {
                    Element("div", () => Element("button", Text), attributes: false, classes: "code-header");
                    Element("pre", Text);
                }, classes: "code-block snippet");
                break;
        }
    }

    private void Phrasing(int depth)
    {
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            switch (random.Next(depth > 4 ? 4 : 9))
            {
                case 0 or 1 or 2:
                    Text();
                    break;
                case 3:
                    Void(random.Next(3) == 0 ? "wbr" : "br");
                    break;
                case 4:
                    Comment();
                    break;
                case 5:
                    Element("a", Text, classes: random.Next(3) == 0 ? "heading-anchor" : null);
                    break;
                case 6:
                    Element("button", Text);
                    break;
                default:
                    Element(Inline[random.Next(2, Inline.Length)], () => Phrasing(depth + 1));
                    break;
            }
        }
    }

    private void Element(string name, Action content, bool closeOptional = false, bool attributes = true, string? classes = null)
    {
        var written = random.Next(8) == 0 ? name.ToUpperInvariant() : name;
        html.Append('<').Append(written);
        if (sloppy && Formatting.Contains(name))
            Attributes(classes: "", allowClasses: false); // not imitated: a browser re-opens unclosed formatting elements (see PageText)
        else if (attributes)
            Attributes(classes);
        else if (classes is not null)
            html.Append(" class=\"").Append(classes).Append('"');
        html.Append('>');
        content();
        if (sloppy && random.Next(6) == 0)
            html.Append("</").Append(Stray[random.Next(Stray.Length)]).Append('>');
        if (!(sloppy && closeOptional && random.Next(3) == 0))
            html.Append("</").Append(written).Append('>');
    }

    private void Attributes(string? classes, bool allowClasses = true)
    {
        if (random.Next(2) == 0)
            html.Append(random.Next(6) == 0 ? " ID=" : " id=").Append(Quote(random.Next(8) == 0 ? "" : "id-" + random.Next(100) + (random.Next(10) == 0 ? "&amp;x" : "")));
        if (random.Next(4) == 0)
            html.Append(" title=").Append(Quote("a > b and 'c'"));
        classes ??= random.Next(3) == 0 ? string.Join(random.Next(2) == 0 ? " " : "\t ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Classes[random.Next(Classes.Length)])) : null;
        if (classes is not null && allowClasses)
            html.Append(" class=").Append(Quote(classes));
        if (random.Next(6) == 0)
            html.Append(" hidden");
        if (random.Next(8) == 0)
            html.Append(" data-x=unquoted");
    }

    private string Quote(string value) => random.Next(5) == 0 && !value.Contains('"') ? "'" + value.Replace("'", "&#39;") + "'" : "\"" + value.Replace("\"", "&quot;") + "\"";

    private void Void(string name)
    {
        html.Append('<').Append(name);
        Attributes(null);
        html.Append(random.Next(3) == 0 ? " />" : ">");
    }

    private void Raw(string name)
    {
        html.Append('<').Append(name).Append('>').Append(random.Next(2) == 0 ? "if (a < b && c > d) { x = \"</p>\"; }" : "p > a { color: red } /* <b>&amp; */");
        html.Append("</").Append(random.Next(4) == 0 ? name.ToUpperInvariant() : name).Append('>');
    }

    private void Comment() => html.Append(random.Next(4) switch
    {
        0 => "<!-- a comment with <p>tags</p> and -- dashes -->",
        1 => "<!---->",
        2 => "<!-- x --!>",
        _ => "<!-->",
    });

    private void Text()
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            html.Append(random.Next(5) == 0 ? Entities[random.Next(Entities.Length)] : Words[random.Next(Words.Length)]);
            html.Append(random.Next(6) switch { 0 => "", 1 => "\n  ", 2 => "\t", 3 => "\u00A0", _ => " " });
        }

        if (random.Next(10) == 0)
            html.Append(" 1 < 2 and a<=b ");
    }
}
