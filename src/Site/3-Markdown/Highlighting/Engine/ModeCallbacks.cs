namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// The grammars' callbacks (on:begin, on:end, and beginKeywords' own), by the names node/export-grammars.js gives them.
/// Each returns whether the match is to be ignored (highlight.js's response.ignoreMatch()).
/// </summary>
internal static class ModeCallbacks
{
    /// <param name="data">The mode's data (highlight.js's <c>mode.data</c>), kept for the highlighting.</param>
    public static bool Ignores(string name, RuleMatch match, Dictionary<string, string?> data) => name switch
    {
        // beginKeywords: `obj.class` is no keyword.
        "skipIfHasPrecedingDot" => match.Index > 0 && match.Input[match.Index - 1] == '.',
        // SHEBANG: only on the first line.
        "shebangAtStart" => match.Index != 0,
        // END_SAME_AS_BEGIN (bash's heredoc): the end is the word the beginning matched.
        "endSameAsBegin.begin" => Remember(data, "_beginMatch", match.Group(1)),
        "endSameAsBegin.end" => !string.Equals(data.GetValueOrDefault("_beginMatch"), match.Group(1), StringComparison.Ordinal),
        "isTrulyOpeningTag" => !IsTrulyOpeningTag(match),
        _ => throw new NotSupportedException($"unknown highlight.js callback '{name}'"),
    };

    private static bool Remember(Dictionary<string, string?> data, string key, string? value)
    {
        data[key] = value;
        return false;
    }

    /// <summary>JavaScript's JSX check: <c>&lt;T,</c>, <c>&lt;Array&lt;</c>, <c>&lt;T = any&gt;</c> are types, not tags.</summary>
    private static bool IsTrulyOpeningTag(RuleMatch match)
    {
        var input = match.Input;
        var after = match.Index + match.Value.Length;
        var next = after < input.Length ? input[after] : '\0';
        if (next is '<' or ',')
            return false;
        var truly = true;
        // `<something>` is a tag only with its closing tag later on (highlight.js goes on checking, not returning).
        if (next == '>' && input.IndexOf("</" + match.Value[1..], after, StringComparison.Ordinal) < 0)
            truly = false;
        var i = SkipSpace(input, after);
        if (i < input.Length && input[i] == '=')
            return false;
        if (i > after && input.AsSpan(i).StartsWith("extends", StringComparison.Ordinal) && SkipSpace(input, i + 7) > i + 7)
            return false;
        return truly;
    }

    private static int SkipSpace(string input, int i)
    {
        while (i < input.Length && IsJsSpace(input[i]))
            i++;
        return i;
    }

    /// <summary>JavaScript's <c>\s</c>.</summary>
    private static bool IsJsSpace(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680'
        or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' or '\ufeff';
}
