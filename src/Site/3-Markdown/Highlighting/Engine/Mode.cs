using System.Text.RegularExpressions;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// A compiled highlight.js mode (CompiledMode in lib/core.js). Shared by every highlighting on every thread: the
/// regular expressions are built on first use and never change; what changes while highlighting lives in
/// <see cref="HighlightRun"/>.
/// </summary>
internal sealed class Mode
{
    private ThreadRegex? end;
    private ThreadRegex? keywordPattern;
    private ModeMatcher? matcher;

    public Mode(Grammar grammar, ModeFile file, Dictionary<string, (string Scope, double Relevance)>? keywords)
    {
        Grammar = grammar;
        File = file;
        Keywords = keywords;
        BeginScope = Scopes.Of(file.BeginScope);
        EndScope = Scopes.Of(file.EndScope);
    }

    public Grammar Grammar { get; }

    /// <summary>Everything as exported: flags, scope, relevance, callbacks by name, regex sources.</summary>
    public ModeFile File { get; }

    public Dictionary<string, (string Scope, double Relevance)>? Keywords { get; }

    public Scopes? BeginScope { get; }

    public Scopes? EndScope { get; }

    public IReadOnlyList<Mode> Contains { get; set; } = [];

    public Mode? Starts { get; set; }

    /// <summary>
    /// The <c>end</c> expression (endRe) anchored: highlight.js asks only whether it matches at the start of the rest of
    /// the code. Null for a mode that ends only with its parent.
    /// </summary>
    public Regex? AnchoredEnd => File.End is null ? null : (end ?? LazyInitializer.EnsureInitialized(ref end, () => Grammar.AnchoredRegex(File.End))).Value;

    public Regex KeywordPatternRegex => (keywordPattern ?? LazyInitializer.EnsureInitialized(ref keywordPattern, () => Grammar.Regex(File.KeywordPattern ?? @"\w+"))).Value;

    /// <summary>The begins of <see cref="Contains"/>, then the end and the illegal expression, as one matcher.</summary>
    public ModeMatcher Matcher => matcher ?? LazyInitializer.EnsureInitialized(ref matcher, () => new ModeMatcher(this));
}

/// <summary>A compiled beginScope or endScope: <see cref="Wrap"/> the whole match, or a scope for some groups (by number).</summary>
internal sealed record Scopes(string? Wrap, IReadOnlyList<(int Group, string? Scope)> Groups)
{
    public static Scopes? Of(ScopeFile? file) => file is null ? null
        : new Scopes(file.Wrap, file.Groups is null ? [] : [.. file.Groups.Select(g => (int.Parse(g.Key), g.Value)).OrderBy(g => g.Item1)]);
}
