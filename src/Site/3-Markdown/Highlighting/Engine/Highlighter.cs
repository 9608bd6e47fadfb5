namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// highlight.js 11.11.1, in process: the same HTML as <c>hljs.highlight(code, { language, ignoreIllegals: true }).value</c>,
/// from its own grammars (Grammars/*.json), for the languages <see cref="CodeLanguages"/> names.
/// </summary>
internal static class Highlighter
{
    /// <summary>The highlighted HTML, or null for a language highlight.js was not given.</summary>
    public static string? Highlight(string language, string code) =>
        Grammar.Get(language) is { } grammar ? HighlightRun.Highlight(grammar, code).Value : null;
}
