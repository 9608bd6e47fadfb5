using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Site.Core;
using Site.Markdown.Highlighting.Engine;

namespace Site.Markdown.Highlighting;

/// <summary>
/// Loads the grammars the pages' code needs right after reading, on a thread of its own while the pages are parsed: loading
/// a grammar and building its regular expressions takes tens of milliseconds, which the rendering would otherwise wait for.
/// Highlighting the first block of each language builds what that language's blocks use most. It decides nothing (the
/// rendering highlights every block as before) and once per language per process: the preview server's rebuilds skip it.
/// </summary>
internal sealed partial class WarmUpHighlighting : IStage
{
    private static readonly ConcurrentDictionary<string, bool> Warmed = new(StringComparer.Ordinal);

    public Phase Phase => Phase.Input;

    public string Name => "warm-up highlighting";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var pages = state.Pages;
        HeadStart.Run(Name, () => WarmUp(pages.Select(page => page.Text)));
        return Task.FromResult(state);
    }

    private static void WarmUp(IEnumerable<string> texts)
    {
        foreach (var (language, code) in FirstBlocks(texts))
        {
            if (Warmed.TryAdd(language, true))
                Highlighter.Highlight(language, code);
        }
    }

    /// <summary>The first block in each language the texts' code is highlighted in (highlight.js's name), as they come.</summary>
    internal static IEnumerable<(string Language, string Code)> FirstBlocks(IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match fence in Fence().Matches(text))
            {
                if (CodeLanguages.HighlighterName(fence.Groups["language"].Value) is { } language && seen.Add(language))
                    yield return (language, fence.Groups["code"].Value);
            }
        }
    }

    /// <summary>A fenced block: its language (the info string's first word) and its code, roughly as Markdig reads it.</summary>
    [GeneratedRegex(@"^[ \t]*(?<fence>```|~~~)[ \t]*(?<language>[^\s`]+)[^\n]*\n(?<code>(?s:.*?))^[ \t]*\k<fence>", RegexOptions.Multiline)]
    private static partial Regex Fence();
}
