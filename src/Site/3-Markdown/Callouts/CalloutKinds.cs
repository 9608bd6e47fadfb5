namespace Site.Markdown.Callouts;

/// <summary>The five callout styles, and the GitHub/Obsidian names that map onto them.</summary>
internal static class CalloutKinds
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["note"] = "note", ["info"] = "info", ["tip"] = "tip", ["warning"] = "warning", ["danger"] = "danger",
        ["important"] = "info", ["abstract"] = "info", ["summary"] = "info", ["tldr"] = "info", ["question"] = "info",
        ["faq"] = "info", ["help"] = "info", ["hint"] = "tip", ["success"] = "tip", ["check"] = "tip", ["done"] = "tip",
        ["caution"] = "warning", ["attention"] = "warning", ["error"] = "danger", ["bug"] = "danger",
        ["failure"] = "danger", ["fail"] = "danger", ["missing"] = "danger", ["example"] = "note", ["quote"] = "note",
        ["cite"] = "note", ["todo"] = "note",
    };

    /// <summary>The style for a callout name; unknown names get the note style.</summary>
    public static string Normalize(string kind) => Aliases.GetValueOrDefault(kind, "note");
}
