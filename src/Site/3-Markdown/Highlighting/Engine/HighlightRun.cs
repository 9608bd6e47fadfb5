using System.Text;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>A mode entered while highlighting (highlight.js's <c>Object.create(mode, {parent})</c>).</summary>
internal sealed record ActiveMode(Mode Mode, ActiveMode? Parent)
{
    public ModeFile File => Mode.File;
}

/// <summary>The outcome of one highlighting (highlight.js's HighlightResult).</summary>
internal sealed record HighlightResult(string? Language, string Value, double Relevance, TokenNode Root, ActiveMode? Top);

/// <summary>
/// highlight.js's <c>_highlight</c>: scans the code mode by mode and fills a <see cref="TokenTree"/>. One instance per
/// highlighting of one language; the embedded languages of one highlighting share its <see cref="SharedState"/>.
/// </summary>
internal sealed class HighlightRun
{
    private const int MaxKeywordHits = 7;
    private const int NoMatch = -1;

    private readonly SharedState shared;
    private readonly Grammar language;
    private readonly string code;
    private readonly bool ignoreIllegals;
    private readonly TokenTree emitter = new();
    private readonly Dictionary<string, int> keywordHits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveMode?> continuations = new(StringComparer.Ordinal);
    private readonly StringBuilder modeBuffer = new();
    private ActiveMode top;
    private double relevance;
    private int iterations;
    private bool resumeScanAtSamePosition;
    private RuleMatch? lastMatch;

    private HighlightRun(SharedState shared, Grammar language, string code, bool ignoreIllegals, ActiveMode? continuation)
    {
        this.shared = shared;
        this.language = language;
        this.code = code;
        this.ignoreIllegals = ignoreIllegals;
        top = continuation ?? new ActiveMode(language.Root, null);
    }

    /// <summary>Highlights as <c>hljs.highlight(code, { language, ignoreIllegals: true })</c> does.</summary>
    public static HighlightResult Highlight(Grammar language, string code) => new HighlightRun(new SharedState(), language, code, true, null).Run();

    private HighlightResult Run()
    {
        // Continuing an embedded language where its last piece stopped: its open scopes open again (not aliased).
        var open = new Stack<string>();
        for (var current = top; current.Parent is not null; current = current.Parent)
        {
            if (current.File.Scope is { } scope)
                open.Push(scope);
        }

        foreach (var scope in open)
            emitter.OpenNode(scope);

        var index = 0;
        try
        {
            State(top).RegexIndex = 0;
            while (true)
            {
                iterations++;
                if (resumeScanAtSamePosition)
                    resumeScanAtSamePosition = false; // only the rules after the ignored one
                else
                    State(top).RegexIndex = 0;

                var match = top.Mode.Matcher.Exec(code, index, State(top));
                if (match is null)
                    break;
                var processed = ProcessLexeme(code[index..match.Index], match);
                index = match.Index + processed;
            }

            ProcessLexeme(code[index..], null);
            emitter.CloseAllNodes();
            return new HighlightResult(language.Name, emitter.ToHtml(), relevance, emitter.Root, top);
        }
        catch (IllegalLexemeException)
        {
            return new HighlightResult(language.Name, Escape(code), 0, emitter.Root, null);
        }
        catch (HighlightFailedException)
        {
            // highlight.js's safe mode: the code as plain text.
            return new HighlightResult(language.Name, Escape(code), 0, emitter.Root, top);
        }
    }

    private MatcherState State(ActiveMode mode) => shared.Matcher(mode.Mode.Matcher);

    private int ProcessLexeme(string textBeforeMatch, RuleMatch? match)
    {
        modeBuffer.Append(textBeforeMatch);
        if (match is null)
        {
            ProcessBuffer();
            return 0;
        }

        var lexeme = match.Value;
        // A zero-width end right after a zero-width begin at the same place: step over one character.
        if (lastMatch is { Type: RuleType.Begin } && match.Type == RuleType.End && lastMatch.Index == match.Index && lexeme.Length == 0)
        {
            modeBuffer.Append(code.AsSpan(match.Index, Math.Min(1, code.Length - match.Index)));
            return 1;
        }

        lastMatch = match;
        if (match.Type == RuleType.Begin)
            return DoBeginMatch(match);
        if (match.Type == RuleType.Illegal && !ignoreIllegals)
            throw new IllegalLexemeException();
        if (match.Type == RuleType.End && DoEndMatch(match) is var processed and not NoMatch)
            return processed;

        // An illegal expression matching the end of a line (zero width): step over it, as highlight.js does.
        if (match.Type == RuleType.Illegal && lexeme.Length == 0)
        {
            modeBuffer.Append('\n');
            return 1;
        }

        if (iterations > 100000 && iterations > match.Index * 3)
            throw new HighlightFailedException(); // potential infinite loop

        // An end that did not end its mode (a callback said no): it is text.
        modeBuffer.Append(lexeme);
        return lexeme.Length;
    }

    private int DoBeginMatch(RuleMatch match)
    {
        var lexeme = match.Value;
        var newMode = match.Rule!;
        foreach (var callback in new[] { newMode.File.BeforeBegin, newMode.File.OnBegin })
        {
            if (callback is not null && ModeCallbacks.Ignores(callback, match, shared.Data(newMode)))
                return DoIgnore(lexeme);
        }

        if (newMode.File.Skip)
        {
            modeBuffer.Append(lexeme);
        }
        else
        {
            if (newMode.File.ExcludeBegin)
                modeBuffer.Append(lexeme);
            ProcessBuffer();
            if (!newMode.File.ReturnBegin && !newMode.File.ExcludeBegin)
                modeBuffer.Append(lexeme);
        }

        StartNewMode(newMode, match);
        return newMode.File.ReturnBegin ? 0 : lexeme.Length;
    }

    private int DoIgnore(string lexeme)
    {
        if (State(top).RegexIndex == 0)
        {
            // No later rule to try here: the first character is text. (highlight.js appends lexeme[0]: "undefined" if empty.)
            modeBuffer.Append(lexeme.Length > 0 ? lexeme[..1] : "undefined");
            return 1;
        }

        resumeScanAtSamePosition = true;
        return 0;
    }

    private int DoEndMatch(RuleMatch match)
    {
        var lexeme = match.Value;
        var endMode = EndOfMode(top, match);
        if (endMode is null)
            return NoMatch;

        var origin = top;
        if (origin.Mode.EndScope is { Wrap: { Length: > 0 } wrap })
        {
            ProcessBuffer();
            EmitKeyword(lexeme, wrap); // highlight.js applies no classNameAliases here
        }
        else if (origin.Mode.EndScope is { } endScope)
        {
            ProcessBuffer();
            EmitMultiClass(endScope, match);
        }
        else if (origin.File.Skip)
        {
            modeBuffer.Append(lexeme);
        }
        else
        {
            if (!(origin.File.ReturnEnd || origin.File.ExcludeEnd))
                modeBuffer.Append(lexeme);
            ProcessBuffer();
            if (origin.File.ExcludeEnd)
                modeBuffer.Append(lexeme);
        }

        do
        {
            if (top.File.Scope is not null)
                emitter.CloseNode();
            if (!top.File.Skip && !IsSubLanguage(top))
                relevance += top.File.Relevance;
            top = top.Parent!;
        }
        while (top != endMode.Parent);

        if (endMode.Mode.Starts is { } starts)
            StartNewMode(starts, match);
        return origin.File.ReturnEnd ? 0 : lexeme.Length;
    }

    /// <summary>The mode the end match ends (maybe a parent, with endsParent or endsWithParent), or null.</summary>
    private ActiveMode? EndOfMode(ActiveMode mode, RuleMatch match)
    {
        // highlight.js's startsWith(endRe, code.slice(match.index)): nothing before the match is visible to a lookbehind.
        if (mode.Mode.AnchoredEnd is { } end && end.IsMatch(code.AsSpan(match.Index))
            && !(mode.File.OnEnd is { } onEnd && ModeCallbacks.Ignores(onEnd, match, shared.Data(mode.Mode))))
        {
            while (mode.File.EndsParent && mode.Parent is not null)
                mode = mode.Parent;
            return mode;
        }

        return mode.File.EndsWithParent ? EndOfMode(mode.Parent!, match) : null;
    }

    private void StartNewMode(Mode mode, RuleMatch match)
    {
        if (!string.IsNullOrEmpty(mode.File.Scope))
            emitter.OpenNode(language.Alias(mode.File.Scope));
        if (mode.BeginScope is { Wrap: { Length: > 0 } wrap })
        {
            EmitKeyword(modeBuffer.ToString(), language.Alias(wrap));
            modeBuffer.Clear();
        }
        else if (mode.BeginScope is { Wrap: null } beginScope)
        {
            EmitMultiClass(beginScope, match);
            modeBuffer.Clear();
        }

        top = new ActiveMode(mode, top);
    }

    private void ProcessBuffer()
    {
        if (IsSubLanguage(top))
            ProcessSubLanguage();
        else
            ProcessKeywords(modeBuffer.ToString());
        modeBuffer.Clear();
    }

    private static bool IsSubLanguage(ActiveMode mode) => mode.File.SubLanguage is not null || mode.File.SubLanguageAuto is not null;

    private void ProcessKeywords(string? text)
    {
        var keywords = top.Mode.Keywords;
        if (keywords is null)
        {
            emitter.AddText(text);
            return;
        }

        if (text is null)
            throw new HighlightFailedException(); // highlight.js fails on undefined.substring

        var pattern = top.Mode.KeywordPatternRegex;
        var lastIndex = 0;
        var buffer = new StringBuilder();
        for (var match = pattern.Match(text); match.Success; match = pattern.Match(text, lastIndex))
        {
            if (match.Length == 0)
                throw new HighlightFailedException(); // highlight.js would loop for ever
            buffer.Append(text, lastIndex, match.Index - lastIndex);
            var word = language.File.CaseInsensitive ? LowerCase(match.Value) : match.Value;
            if (keywords.TryGetValue(word, out var data))
            {
                emitter.AddText(buffer.ToString());
                buffer.Clear();
                keywordHits[word] = keywordHits.GetValueOrDefault(word) + 1;
                if (keywordHits[word] <= MaxKeywordHits)
                    relevance += data.Relevance;
                if (data.Scope.StartsWith('_'))
                    buffer.Append(match.Value); // relevance only
                else
                    EmitKeyword(match.Value, language.Alias(data.Scope));
            }
            else
            {
                buffer.Append(match.Value);
            }

            lastIndex = match.Index + match.Length;
        }

        buffer.Append(text, lastIndex, text.Length - lastIndex);
        emitter.AddText(buffer.ToString());
    }

    private void ProcessSubLanguage()
    {
        if (modeBuffer.Length == 0)
            return;
        var text = modeBuffer.ToString();
        HighlightResult result;
        if (top.File.SubLanguage is { } name)
        {
            if (Grammar.Get(name) is not { } grammar)
            {
                emitter.AddText(text);
                return;
            }

            result = new HighlightRun(shared, grammar, text, true, continuations.GetValueOrDefault(name)).Run();
            continuations[name] = result.Top;
        }
        else
        {
            result = HighlightAuto(text, top.File.SubLanguageAuto!);
        }

        // A mode of relevance 0 keeps its embedded language's score out of the host's.
        if (top.File.Relevance > 0)
            relevance += result.Relevance;
        emitter.AddSublanguage(result.Root, result.Language);
    }

    /// <summary>highlightAuto over a few languages: the most relevant, plain text (first) on a tie.</summary>
    private HighlightResult HighlightAuto(string text, List<string> languages)
    {
        var plain = new TokenNode();
        if (text.Length > 0)
            plain.Children.Add(text);
        var results = new List<HighlightResult> { new(null, Escape(text), 0, plain, null) };
        foreach (var name in languages)
        {
            if (Grammar.Get(name) is { File.DisableAutodetect: false } grammar)
                results.Add(new HighlightRun(shared, grammar, text, false, null).Run());
        }

        // Stable, as JavaScript's sort; a tie goes to the language another one extends.
        return results.Order(Comparer<HighlightResult>.Create((a, b) =>
            a.Relevance != b.Relevance ? b.Relevance.CompareTo(a.Relevance)
            : a.Language is null || b.Language is null ? 0
            : Grammar.Get(a.Language)!.File.SupersetOf == b.Language ? 1
            : Grammar.Get(b.Language)!.File.SupersetOf == a.Language ? -1
            : 0)).First();
    }

    private void EmitKeyword(string? keyword, string scope)
    {
        if (keyword == "")
            return;
        emitter.OpenNode(scope);
        emitter.AddText(keyword);
        emitter.CloseNode();
    }

    /// <summary>beginScope/endScope by group: a scope around each group, or the keywords of the mode in it.</summary>
    private void EmitMultiClass(Scopes scopes, RuleMatch match)
    {
        foreach (var (group, scope) in scopes.Groups)
        {
            var text = match.Group(group);
            var cssClass = scope is null ? null : language.Alias(scope);
            if (!string.IsNullOrEmpty(cssClass))
                EmitKeyword(text, cssClass);
            else
                ProcessKeywords(text);
        }
    }

    /// <summary>JavaScript's toLowerCase, as far as keywords can tell: İ becomes "i̇", not "i".</summary>
    private static string LowerCase(string word) => word.Contains('\u0130', StringComparison.Ordinal)
        ? word.Replace("\u0130", "i\u0307", StringComparison.Ordinal).ToLowerInvariant()
        : word.ToLowerInvariant();

    private static string Escape(string text)
    {
        var html = new StringBuilder(text.Length);
        TokenTree.Escape(text, html);
        return html.ToString();
    }

    /// <summary>What highlight.js keeps on its shared modes while highlighting (matchers' state, callbacks' data).</summary>
    internal sealed class SharedState
    {
        private readonly Dictionary<ModeMatcher, MatcherState> matchers = [];
        private readonly Dictionary<Mode, Dictionary<string, string?>> data = [];

        public MatcherState Matcher(ModeMatcher matcher) =>
            matchers.TryGetValue(matcher, out var state) ? state : matchers[matcher] = new MatcherState(matcher.RuleCount);

        public Dictionary<string, string?> Data(Mode mode) => data.TryGetValue(mode, out var values) ? values : data[mode] = [];
    }

    private sealed class IllegalLexemeException : Exception;

    private sealed class HighlightFailedException : Exception;
}
