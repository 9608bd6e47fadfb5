using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// A highlight.js language, loaded on first use from the JSON embedded in the assembly (Grammars/*.json, written by
/// node/export-grammars.js). A language that is not embedded is unknown, as one highlight.js has not registered.
/// </summary>
internal sealed class Grammar
{
    private const string ResourcePrefix = "Site.Highlighting.Grammars.";

    private static readonly ConcurrentDictionary<string, Lazy<Grammar?>> Loaded = new(StringComparer.Ordinal);

    private Grammar(GrammarFile file)
    {
        File = file;
        foreach (var (name, ranges) in file.UnicodeProperties)
            JsRegex.AddProperty(name, ranges);
        var keywordSets = file.KeywordSets
            .Select(set => set.ToDictionary(
                entry => entry[0].GetString()!, entry => (entry[1].GetString()!, entry[2].GetDouble()), StringComparer.Ordinal))
            .ToList();
        var modes = file.Modes.Select(m => new Mode(this, m, m.Keywords is { } k ? keywordSets[k] : null)).ToList();
        foreach (var mode in modes)
        {
            mode.Contains = [.. mode.File.Contains.Select(id => modes[id])];
            mode.Starts = mode.File.Starts is { } starts ? modes[starts] : null;
        }

        Root = modes[0];
    }

    public GrammarFile File { get; }

    public string Name => File.Name;

    /// <summary>The language itself: the mode at the bottom of every mode stack.</summary>
    public Mode Root { get; }

    /// <summary>The embedded languages, by highlight.js name.</summary>
    public static IEnumerable<string> Names => typeof(Grammar).Assembly.GetManifestResourceNames()
        .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(r => r[ResourcePrefix.Length..^".json".Length]);

    /// <summary>The language of that name (lower case, as highlight.js names them), or null.</summary>
    public static Grammar? Get(string name) => Loaded.GetOrAdd(name, n => new Lazy<Grammar?>(() => Load(n))).Value;

    /// <summary>A regular expression with this language's flags (highlight.js's langRe).</summary>
    public ThreadRegex Regex(string source) => JsRegex.Get(source, File.CaseInsensitive, File.UnicodeRegex);

    /// <summary>The same, matching only where the search starts (<c>\G</c>).</summary>
    public ThreadRegex AnchoredRegex(string source) => JsRegex.Get(source, File.CaseInsensitive, File.UnicodeRegex, anchored: true);

    /// <summary>The CSS class of a scope: classNameAliases may rename it.</summary>
    public string Alias(string scope) => File.ClassNameAliases.TryGetValue(scope, out var alias) && alias.Length > 0 ? alias : scope;

    private static Grammar? Load(string name)
    {
        using var stream = typeof(Grammar).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json");
        return stream is null ? null : new Grammar(JsonSerializer.Deserialize(stream, GrammarJson.Default.GrammarFile)!);
    }
}
