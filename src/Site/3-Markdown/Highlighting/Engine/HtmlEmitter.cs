using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// highlight.js's TokenTreeEmitter and HTMLRenderer (class prefix <c>hljs-</c>) in one: the tree highlight.js builds is
/// only ever rendered whole, so the HTML is written as the nodes open and close, without the tree.
/// </summary>
internal sealed class HtmlEmitter
{
    private const int MaxSpareLength = 1 << 16;

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");
    private static readonly ConcurrentDictionary<string, string> Classes = new(StringComparer.Ordinal);

    // One builder per thread, reused from block to block (an embedded language's run, meanwhile, makes its own).
    [ThreadStatic]
    private static StringBuilder? spare;

    private readonly StringBuilder html = TakeSpare();
    private readonly List<bool> open = []; // whether each open node wrote a span

    public void AddText(ReadOnlySpan<char> text) => Escape(text, html);

    public void OpenNode(string scope)
    {
        var wraps = scope.Length > 0;
        if (wraps)
            html.Append("<span class=\"").Append(Classes.GetOrAdd(scope, CssClass)).Append("\">");
        open.Add(wraps);
    }

    public void CloseNode()
    {
        if (open.Count == 0)
            return;
        if (open[^1])
            html.Append("</span>");
        open.RemoveAt(open.Count - 1);
    }

    public void CloseAllNodes()
    {
        while (open.Count > 0)
            CloseNode();
    }

    /// <summary>An embedded language's HTML, in a <c>language-NAME</c> span when it has a language.</summary>
    public void AddSublanguage(string sublanguageHtml, string? language)
    {
        if (language is not null)
            OpenNode("language:" + language);
        html.Append(sublanguageHtml);
        if (language is not null)
            CloseNode();
    }

    /// <summary>The HTML, its open nodes closed (as highlight.js renders a tree left unfinished); once, at the end.</summary>
    public string ToHtml()
    {
        CloseAllNodes();
        var text = html.ToString();
        if (html.Capacity <= MaxSpareLength)
            spare = html.Clear();
        return text;
    }

    private static StringBuilder TakeSpare()
    {
        var builder = spare ?? new StringBuilder();
        spare = null;
        return builder;
    }

    /// <summary>highlight.js's scopeToCSSClass: "title.function" is "hljs-title function_", "language:css" "language-css".</summary>
    private static string CssClass(string scope)
    {
        if (scope.StartsWith("language:", StringComparison.Ordinal))
            return "language-" + scope["language:".Length..];
        if (!scope.Contains('.', StringComparison.Ordinal))
            return "hljs-" + scope;
        var pieces = scope.Split('.');
        return string.Join(' ', pieces.Select((piece, i) => i == 0 ? "hljs-" + piece : piece + new string('_', i)));
    }

    /// <summary>highlight.js's escapeHTML.</summary>
    public static void Escape(ReadOnlySpan<char> text, StringBuilder html)
    {
        for (var i = text.IndexOfAny(Special); i >= 0; i = text.IndexOfAny(Special))
        {
            html.Append(text[..i]).Append(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#x27;",
            });
            text = text[(i + 1)..];
        }

        html.Append(text);
    }
}
