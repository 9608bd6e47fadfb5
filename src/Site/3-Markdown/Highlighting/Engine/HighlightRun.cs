using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>A mode entered while highlighting (highlight.js's <c>Object.create(mode, {parent})</c>).</summary>
internal sealed record ActiveMode(Mode Mode, ActiveMode? Parent)
{
    public ModeFile File => Mode.File;
}

/// <summary>The outcome of one highlighting (highlight.js's HighlightResult).</summary>
/// <param name="EmitterHtml">What the emitter wrote (highlight.js's _emitter): the host of an embedded language shows it, also
/// where the highlighting gave up and <paramref name="Value"/> is the plain code.</param>
internal sealed record HighlightResult(string? Language, string Value, double Relevance, string EmitterHtml, ActiveMode? Top);

/// <summary>
/// highlight.js's <c>_highlight</c>: scans the code mode by mode and writes its HTML (<see cref="HtmlEmitter"/>). One instance per
/// highlighting of one language; the embedded languages of one highlighting share its <see cref="SharedState"/>.
/// </summary>
internal sealed class HighlightRun
{
    private const int MaxKeywordHits = 7;
    private const int NoMatch = -1;
    private const int MaxSpareLength = 1 << 16;

    // The mode buffer, reused from block to block on a thread (as the emitter's builder).
    [ThreadStatic]
    private static ArrayBufferWriter<char>? spareBuffer;

    private readonly SharedState shared;
    private readonly Grammar language;
    private readonly string code;
    private readonly bool ignoreIllegals;
    private readonly HtmlEmitter emitter = new();
    private readonly Dictionary<string, int> keywordHits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveMode?> continuations = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<char> modeBuffer = TakeSpareBuffer();
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
        if (top.Parent is not null)
            ReopenScopes();

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
                var processed = ProcessLexeme(code.AsSpan(index, match.Index - index), match);
                index = match.Index + processed;
            }

            ProcessLexeme(code.AsSpan(index), null);
            var html = emitter.ToHtml();
            return new HighlightResult(language.Name, html, relevance, html, top);
        }
        catch (IllegalLexemeException)
        {
            return new HighlightResult(language.Name, Escape(code), 0, emitter.ToHtml(), null);
        }
        catch (HighlightFailedException)
        {
            // highlight.js's safe mode: the code as plain text.
            return new HighlightResult(language.Name, Escape(code), 0, emitter.ToHtml(), top);
        }
        finally
        {
            modeBuffer.ResetWrittenCount();
            if (modeBuffer.Capacity <= MaxSpareLength)
                spareBuffer = modeBuffer;
        }
    }

    private static ArrayBufferWriter<char> TakeSpareBuffer()
    {
        var buffer = spareBuffer ?? new ArrayBufferWriter<char>();
        spareBuffer = null;
        return buffer;
    }

    /// <summary>Continuing an embedded language where its last piece stopped: its open scopes open again (not aliased).</summary>
    private void ReopenScopes()
    {
        var open = new Stack<string>();
        for (var current = top; current.Parent is not null; current = current.Parent)
        {
            if (current.File.Scope is { } scope)
                open.Push(scope);
        }

        foreach (var scope in open)
            emitter.OpenNode(scope);
    }

    private MatcherState State(ActiveMode mode) => shared.Matcher(mode.Mode);

    private int ProcessLexeme(ReadOnlySpan<char> textBeforeMatch, RuleMatch? match)
    {
        modeBuffer.Write(textBeforeMatch);
        if (match is null)
        {
            ProcessBuffer();
            return 0;
        }

        var lexeme = match.Span;
        // A zero-width end right after a zero-width begin at the same place: step over one character.
        if (lastMatch is { Type: RuleType.Begin } && match.Type == RuleType.End && lastMatch.Index == match.Index && lexeme.Length == 0)
        {
            modeBuffer.Write(code.AsSpan(match.Index, Math.Min(1, code.Length - match.Index)));
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
            modeBuffer.Write("\n");
            return 1;
        }

        if (iterations > 100000 && iterations > match.Index * 3)
            throw new HighlightFailedException(); // potential infinite loop

        // An end that did not end its mode (a callback said no): it is text.
        modeBuffer.Write(lexeme);
        return lexeme.Length;
    }

    private int DoBeginMatch(RuleMatch match)
    {
        var lexeme = match.Span;
        var newMode = match.Rule!;
        if (Ignores(newMode.File.BeforeBegin, match, newMode) || Ignores(newMode.File.OnBegin, match, newMode))
            return DoIgnore(lexeme);

        if (newMode.File.Skip)
        {
            modeBuffer.Write(lexeme);
        }
        else
        {
            if (newMode.File.ExcludeBegin)
                modeBuffer.Write(lexeme);
            ProcessBuffer();
            if (!newMode.File.ReturnBegin && !newMode.File.ExcludeBegin)
                modeBuffer.Write(lexeme);
        }

        StartNewMode(newMode, match);
        return newMode.File.ReturnBegin ? 0 : lexeme.Length;
    }

    private bool Ignores(string? callback, RuleMatch match, Mode mode) =>
        callback is not null && ModeCallbacks.Ignores(callback, match, shared.Data(mode));

    private int DoIgnore(ReadOnlySpan<char> lexeme)
    {
        if (State(top).RegexIndex == 0)
        {
            // No later rule to try here: the first character is text. (highlight.js appends lexeme[0]: "undefined" if empty.)
            modeBuffer.Write(lexeme.Length > 0 ? lexeme[..1] : "undefined");
            return 1;
        }

        resumeScanAtSamePosition = true;
        return 0;
    }

    private int DoEndMatch(RuleMatch match)
    {
        var lexeme = match.Span;
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
            modeBuffer.Write(lexeme);
        }
        else
        {
            if (!(origin.File.ReturnEnd || origin.File.ExcludeEnd))
                modeBuffer.Write(lexeme);
            ProcessBuffer();
            if (origin.File.ExcludeEnd)
                modeBuffer.Write(lexeme);
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
            EmitKeyword(modeBuffer.WrittenSpan, language.Alias(wrap));
            modeBuffer.ResetWrittenCount();
        }
        else if (mode.BeginScope is { Wrap: null } beginScope)
        {
            EmitMultiClass(beginScope, match);
            modeBuffer.ResetWrittenCount();
        }

        top = new ActiveMode(mode, top);
    }

    private void ProcessBuffer()
    {
        if (IsSubLanguage(top))
            ProcessSubLanguage();
        else
            ProcessKeywords(modeBuffer.WrittenSpan);
        modeBuffer.ResetWrittenCount();
    }

    private static bool IsSubLanguage(ActiveMode mode) => mode.File.SubLanguage is not null || mode.File.SubLanguageAuto is not null;

    /// <summary>
    /// The keywords of the text (the current mode's), each in its scope. The text between them is written as it comes:
    /// highlight.js collects it in a buffer first, which makes the same HTML.
    /// </summary>
    private void ProcessKeywords(ReadOnlySpan<char> text)
    {
        if (top.Mode.Keywords is not { } keywords)
        {
            emitter.AddText(text);
            return;
        }

        var words = keywords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lowered = stackalloc char[64];
        var written = 0;
        foreach (var match in top.Mode.KeywordPatternRegex.EnumerateMatches(text))
        {
            if (match.Length == 0)
                throw new HighlightFailedException(); // highlight.js would loop for ever
            var word = text.Slice(match.Index, match.Length);
            var found = !language.File.CaseInsensitive ? words.TryGetValue(word, out var key, out var data)
                : word.Length <= lowered.Length && !word.Contains('\u0130') && word.ToLowerInvariant(lowered) is var length
                    ? words.TryGetValue(lowered[..length], out key, out data)
                    : words.TryGetValue(LowerCase(word.ToString()), out key, out data);
            if (!found)
                continue;
            if (++CollectionsMarshal.GetValueRefOrAddDefault(keywordHits, key!, out _) <= MaxKeywordHits)
                relevance += data.Relevance;
            if (data.Scope.StartsWith('_'))
                continue; // relevance only: the word stays text
            emitter.AddText(text[written..match.Index]);
            EmitKeyword(word, language.Alias(data.Scope));
            written = match.Index + match.Length;
        }

        emitter.AddText(text[written..]);
    }

    private void ProcessSubLanguage()
    {
        if (modeBuffer.WrittenCount == 0)
            return;
        var text = modeBuffer.WrittenSpan.ToString();
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
        emitter.AddSublanguage(result.EmitterHtml, result.Language);
    }

    /// <summary>highlightAuto over a few languages: the most relevant, plain text (first) on a tie.</summary>
    private HighlightResult HighlightAuto(string text, List<string> languages)
    {
        var plain = Escape(text);
        var results = new List<HighlightResult> { new(null, plain, 0, plain, null) };
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

    private void EmitKeyword(ReadOnlySpan<char> keyword, string scope)
    {
        if (keyword.IsEmpty)
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
            if (text is null)
                EmitUndefined(cssClass);
            else if (!string.IsNullOrEmpty(cssClass))
                EmitKeyword(text, cssClass);
            else
                ProcessKeywords(text);
        }
    }

    /// <summary>A group that took no part (undefined): an empty scope, text that shows as nothing, or a failure.</summary>
    private void EmitUndefined(string? cssClass)
    {
        if (!string.IsNullOrEmpty(cssClass))
        {
            emitter.OpenNode(cssClass);
            emitter.CloseNode();
        }
        else if (top.Mode.Keywords is not null)
        {
            throw new HighlightFailedException(); // highlight.js fails on undefined.substring
        }
    }

    /// <summary>JavaScript's toLowerCase, as far as keywords can tell: İ becomes "i̇", not "i".</summary>
    private static string LowerCase(string word) => word.Contains('\u0130', StringComparison.Ordinal)
        ? word.Replace("\u0130", "i\u0307", StringComparison.Ordinal).ToLowerInvariant()
        : word.ToLowerInvariant();

    private static string Escape(string text)
    {
        var html = new StringBuilder(text.Length);
        HtmlEmitter.Escape(text, html);
        return html.ToString();
    }

    /// <summary>What highlight.js keeps on its shared modes while highlighting (matchers' state, callbacks' data).</summary>
    internal sealed class SharedState
    {
        // By grammar, then by mode number: a highlighting meets one grammar, or a few with embedded languages.
        private readonly List<(Grammar Grammar, MatcherState?[] Matchers)> grammars = [];
        private Dictionary<Mode, Dictionary<string, string?>>? data;

        public MatcherState Matcher(Mode mode) => MatchersOf(mode.Grammar)[mode.File.Id] ??= new MatcherState(mode.Matcher.RuleCount);

        public Dictionary<string, string?> Data(Mode mode)
        {
            data ??= [];
            return data.TryGetValue(mode, out var values) ? values : data[mode] = [];
        }

        private MatcherState?[] MatchersOf(Grammar grammar)
        {
            foreach (var (known, matchers) in grammars)
            {
                if (known == grammar)
                    return matchers;
            }

            grammars.Add((grammar, new MatcherState?[grammar.File.Modes.Count]));
            return grammars[^1].Matchers;
        }
    }

    private sealed class IllegalLexemeException : Exception;

    private sealed class HighlightFailedException : Exception;
}
