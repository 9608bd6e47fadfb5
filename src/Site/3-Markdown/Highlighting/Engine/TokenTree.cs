using System.Text;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>A node of highlight.js's TokenTree: a scope (or none) around text, nodes, and highlight.js's "undefined" text.</summary>
internal sealed class TokenNode
{
    public string? Scope { get; set; }

    /// <summary>Strings and nodes; null where highlight.js adds <c>undefined</c> (it renders as nothing).</summary>
    public List<object?> Children { get; } = [];
}

/// <summary>highlight.js's TokenTreeEmitter and HTMLRenderer (class prefix <c>hljs-</c>).</summary>
internal sealed class TokenTree
{
    private readonly List<TokenNode> stack;

    public TokenTree() => stack = [Root];

    public TokenNode Root { get; } = new();

    private TokenNode Top => stack[^1];

    /// <summary>Adds text; null is highlight.js's undefined.</summary>
    public void AddText(string? text)
    {
        if (text != "")
            Top.Children.Add(text);
    }

    public void OpenNode(string scope)
    {
        var node = new TokenNode { Scope = scope };
        Top.Children.Add(node);
        stack.Add(node);
    }

    public void CloseNode()
    {
        if (stack.Count > 1)
            stack.RemoveAt(stack.Count - 1);
    }

    public void CloseAllNodes() => stack.RemoveRange(1, stack.Count - 1);

    /// <summary>An embedded language's tree, in a <c>language-NAME</c> span when it has a language.</summary>
    public void AddSublanguage(TokenNode root, string? language)
    {
        if (language is not null)
            root.Scope = "language:" + language;
        Top.Children.Add(root);
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        Render(Root, html);
        return html.ToString();
    }

    private static void Render(TokenNode node, StringBuilder html)
    {
        var wraps = !string.IsNullOrEmpty(node.Scope);
        if (wraps)
            html.Append("<span class=\"").Append(CssClass(node.Scope!)).Append("\">");
        foreach (var child in node.Children)
        {
            if (child is string text)
                Escape(text, html);
            else if (child is TokenNode inner)
                Render(inner, html);
        }

        if (wraps)
            html.Append("</span>");
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
    public static void Escape(string text, StringBuilder html)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#x27;"),
                _ => html.Append(c),
            };
        }
    }
}
