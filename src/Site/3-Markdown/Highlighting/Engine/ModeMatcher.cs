using System.Text;
using System.Text.RegularExpressions;

namespace Site.Markdown.Highlighting.Engine;

internal enum RuleType
{
    Begin,
    End,
    Illegal,
}

/// <summary>
/// highlight.js's ResumableMultiRegex: the rules of a mode (each child's begin, then its end, then illegal) joined into one
/// expression whose first matching group tells the rule. After a callback ignored a match, scanning resumes at the same
/// place with the later rules only: each starting rule gets an expression of its own (a slice), built on first use.
/// The slices are shared and immutable; what highlight.js keeps in the matcher while scanning is a <see cref="MatcherState"/>.
/// </summary>
internal sealed class ModeMatcher
{
    // highlight.js's BACKREF_RE: a class, a parenthesis, a backreference or another escape, in a JavaScript source.
    private static readonly Regex BackReference = new(@"\[(?:[^\\\]]|\\[^\n\r\u2028\u2029])*\]|\(\??|\\([1-9][0-9]*)|\\[^\n\r\u2028\u2029]");

    private readonly Grammar grammar;
    private readonly List<(string Source, RuleType Type, Mode? Mode)> rules = [];
    private readonly Slice?[] slices;
    private readonly ThreadRegex?[] anchored;

    public ModeMatcher(Mode mode)
    {
        grammar = mode.Grammar;
        foreach (var child in mode.Contains)
            rules.Add((child.File.Begin!, RuleType.Begin, child));
        BeginCount = rules.Count;
        if (!string.IsNullOrEmpty(mode.File.TerminatorEnd))
            rules.Add((mode.File.TerminatorEnd, RuleType.End, null));
        if (!string.IsNullOrEmpty(mode.File.Illegal))
            rules.Add((mode.File.Illegal, RuleType.Illegal, null));
        slices = new Slice?[rules.Count];
        anchored = new ThreadRegex?[rules.Count];
    }

    public int RuleCount => rules.Count;

    private int BeginCount { get; }

    /// <summary>ResumableMultiRegex.exec: the first match at or after <paramref name="lastIndex"/>.</summary>
    public RuleMatch? Exec(string input, int lastIndex, MatcherState state)
    {
        var result = SliceFor(state.RegexIndex, state)?.Exec(input, lastIndex, state);
        if (state.RegexIndex != 0 && (result is null || result.Index != lastIndex))
            result = SliceFor(0, state)?.Exec(input, lastIndex + 1, state); // nothing more here: a full scan from the next character

        if (result is not null)
        {
            state.RegexIndex += result.Position + 1;
            if (state.RegexIndex == BeginCount)
                state.RegexIndex = 0;
        }

        return result;
    }

    /// <summary>
    /// highlight.js's getMatcher. Building a slice renumbers its rules' positions from 0, in objects all slices share:
    /// later matches of the earlier slices read those numbers. That is replayed per highlighting (<see cref="MatcherState"/>),
    /// so the result is highlight.js's in a process that highlighted nothing before.
    /// </summary>
    private Slice? SliceFor(int index, MatcherState state)
    {
        if (index >= rules.Count)
            return null;
        if (!state.Built[index])
        {
            state.Built[index] = true;
            for (var rule = index; rule < rules.Count; rule++)
                state.Positions[rule] = rule - index;
        }

        return slices[index] ?? Build(index);
    }

    // Apart, so that the delegate and its closure are made only when building.
    private Slice Build(int index) => LazyInitializer.EnsureInitialized(ref slices[index], () => new Slice(this, index));

    /// <summary>
    /// The rule at <paramref name="index"/> alone, matching only at the position given (groups numbered as in its source):
    /// it tells which rule of a slice matched and what, without reading the joined expression's groups.
    /// </summary>
    private Regex Anchored(int index) => (anchored[index] ?? BuildAnchored(index)).Value;

    private ThreadRegex BuildAnchored(int index) => LazyInitializer.EnsureInitialized(ref anchored[index], () => grammar.AnchoredRegex(rules[index].Source));

    /// <summary>highlight.js's MultiRegex over the rules from <c>first</c> on.</summary>
    private sealed class Slice(ModeMatcher matcher, int first)
    {
        private readonly ThreadRegex regex = matcher.grammar.Regex(Join(matcher.rules.Skip(first).Select(r => r.Source)));

        /// <remarks>
        /// The joined expression finds the next match (a <see cref="ValueMatch"/>: no Match, no groups). The alternation took
        /// its first rule that matches at that position, and that rule's own match: so the rule is the first whose anchored
        /// expression matches there (the last one needs no trying), and the match is the one found.
        /// </remarks>
        public RuleMatch? Exec(string input, int lastIndex, MatcherState state)
        {
            if (lastIndex > input.Length)
                return null;
            foreach (var found in regex.Value.EnumerateMatches(input, lastIndex))
            {
                var rule = first;
                while (rule < matcher.rules.Count - 1 && !matcher.Anchored(rule).IsMatch(input, found.Index))
                    rule++;
                var (_, type, mode) = matcher.rules[rule];
                return new RuleMatch(input, found.Index, found.Length, matcher.Anchored(rule), type, mode, state.Positions[rule]);
            }

            return null;
        }
    }

    /// <summary>
    /// highlight.js's _rewriteBackreferences with '|': each source in a group of its own, its backreferences renumbered.
    /// </summary>
    private static string Join(IEnumerable<string> sources)
    {
        var captures = 0;
        var joined = new StringBuilder();
        foreach (var source in sources)
        {
            captures++;
            var offset = captures;
            joined.Append(joined.Length > 0 ? "|(" : "(");
            var rest = source;
            while (rest.Length > 0)
            {
                var match = BackReference.Match(rest);
                if (!match.Success)
                {
                    joined.Append(rest);
                    break;
                }

                joined.Append(rest, 0, match.Index);
                rest = rest[(match.Index + match.Length)..];
                if (match.Value[0] == '\\' && match.Groups[1].Success)
                {
                    joined.Append('\\').Append(int.Parse(match.Groups[1].Value) + offset);
                }
                else
                {
                    joined.Append(match.Value);
                    if (match.Value == "(")
                        captures++;
                }
            }

            joined.Append(')');
        }

        return joined.ToString();
    }
}

/// <summary>What highlight.js keeps in a mode's matcher while highlighting: where to resume, and the rules' positions.</summary>
internal sealed class MatcherState(int rules)
{
    public int RegexIndex { get; set; }

    public int[] Positions { get; } = new int[rules];

    public bool[] Built { get; } = new bool[rules];
}

/// <summary>
/// A match of one rule (highlight.js's EnhancedMatch): group 0 is the rule's whole match, then the rule's groups. The
/// groups are read (from <paramref name="rule"/>'s anchored expression, matched again) only when asked for.
/// </summary>
internal sealed class RuleMatch(string input, int index, int length, Regex ruleRegex, RuleType type, Mode? rule, int position)
{
    private Match? groups;

    public RuleType Type => type;

    /// <summary>The child mode a begin rule starts.</summary>
    public Mode? Rule => rule;

    /// <summary>The rule's position in the slice that matched, as highlight.js last numbered it.</summary>
    public int Position => position;

    public int Index => index;

    public int Length => length;

    public string Input => input;

    public ReadOnlySpan<char> Span => input.AsSpan(index, length);

    public string Value => input.Substring(index, length);

    /// <summary>The text of the rule's group <paramref name="number"/>, or null where it took no part (undefined).</summary>
    public string? Group(int number)
    {
        groups ??= ruleRegex.Match(input, index);
        var group = groups.Groups[number];
        return group.Success ? group.Value : null;
    }
}
