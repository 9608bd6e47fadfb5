namespace Site.Markdown.Highlighting;

/// <summary>Maps a fence's language to highlight.js's name for it and to the label shown above the code.</summary>
internal static class CodeLanguages
{
    private static readonly Dictionary<string, (string? Highlighter, string Label)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python"] = ("python", "Python"), ["py"] = ("python", "Python"), ["python3"] = ("python", "Python"),
        ["js"] = ("javascript", "JavaScript"), ["javascript"] = ("javascript", "JavaScript"), ["mjs"] = ("javascript", "JavaScript"),
        ["cjs"] = ("javascript", "JavaScript"), ["node"] = ("javascript", "JavaScript"), ["jsx"] = ("javascript", "JSX"),
        ["ts"] = ("typescript", "TypeScript"), ["typescript"] = ("typescript", "TypeScript"), ["tsx"] = ("typescript", "TSX"),
        ["bash"] = ("bash", "Bash"), ["sh"] = ("bash", "Shell"), ["shell"] = ("bash", "Shell"), ["zsh"] = ("bash", "Zsh"),
        ["console"] = ("bash", "Console"), ["fish"] = ("bash", "Fish"), ["powershell"] = ("powershell", "PowerShell"),
        ["ps1"] = ("powershell", "PowerShell"), ["pwsh"] = ("powershell", "PowerShell"),
        ["json"] = ("json", "JSON"), ["jsonc"] = ("json", "JSON"), ["yaml"] = ("yaml", "YAML"), ["yml"] = ("yaml", "YAML"),
        ["toml"] = ("ini", "TOML"), ["ini"] = ("ini", "INI"), ["cfg"] = ("ini", "Config"), ["env"] = ("bash", ".env"),
        ["html"] = ("xml", "HTML"), ["xml"] = ("xml", "XML"), ["css"] = ("css", "CSS"), ["diff"] = ("diff", "Diff"),
        ["dockerfile"] = ("dockerfile", "Dockerfile"), ["docker"] = ("dockerfile", "Dockerfile"),
        ["md"] = ("markdown", "Markdown"), ["markdown"] = ("markdown", "Markdown"), ["sql"] = ("sql", "SQL"),
        ["text"] = (null, "Text"), ["txt"] = (null, "Text"), ["plaintext"] = (null, "Text"), ["output"] = (null, "Output"),
    };

    /// <summary>highlight.js's language name, or null to show the code as plain text (unknown languages never fail).</summary>
    public static string? HighlighterName(string? fenceLanguage) =>
        fenceLanguage is { Length: > 0 } && Known.TryGetValue(fenceLanguage, out var known) ? known.Highlighter : null;

    /// <summary>The label above a code block; unknown languages show as written ("dataview").</summary>
    public static string Label(string? fenceLanguage) =>
        string.IsNullOrEmpty(fenceLanguage) ? "Text" : Known.TryGetValue(fenceLanguage, out var known) ? known.Label : fenceLanguage;
}
