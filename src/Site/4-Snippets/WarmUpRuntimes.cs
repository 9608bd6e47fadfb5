using System.Text.RegularExpressions;
using Site.Core;
using Site.Snippets.Caching;
using Site.Snippets.Engines;

namespace Site.Snippets;

/// <summary>
/// Gives Python and Node a head start right after reading, on a thread of its own while the pages are parsed: when a page
/// has what looks like a snippet to run, its runtime is found (asking python3 takes 0.1 to 0.2 s) and, when no result can
/// come from the cache, started (the interpreter loaded; Node's workers started). It decides nothing: the run stage finds,
/// starts and reports the runtime as it always did, and a wrong guess costs only the head start's work.
/// </summary>
internal sealed partial class WarmUpRuntimes : IStage
{
    public Phase Phase => Phase.Input;

    public string Name => "warm-up";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // Even the look through the pages is left to that thread: none of this may hold up the build.
        var pages = state.Pages;
        HeadStart.Run(Name, () => WarmUp(pages.Select(page => page.Text), context.Options, context.Runtimes));
        return Task.FromResult(state);
    }

    /// <summary>Asks <paramref name="runtimes"/> for a head start for each language one of the texts has a snippet to run in.</summary>
    internal static void WarmUp(IEnumerable<string> texts, BuildOptions options, ISnippetRuntimes runtimes)
    {
        var all = texts as IReadOnlyCollection<string> ?? [.. texts];
        // With a cache, every snippet may be cached: then starting a runtime would be wasted work.
        var nothingCached = options.NoCache || !File.Exists(Path.Combine(options.CacheDirectory, SnippetCache.FileName));
        // Node first: its workers start on their own, while loading Python keeps this thread.
        if (all.Any(text => JavaScriptRunFence().IsMatch(text)))
            runtimes.WarmUp(SnippetLanguage.JavaScript, start: nothingCached && !options.Frozen);
        if (all.Any(text => PythonRunFence().IsMatch(text)))
            runtimes.WarmUp(SnippetLanguage.Python, start: nothingCached && !options.Frozen);
    }

    /// <summary>The opening fence of a Python snippet (see <see cref="CollectSnippets"/>), wherever it is on its line.</summary>
    [GeneratedRegex(@"(?:```|~~~)[ \t]*(?i:python3?|py)[ \t]+run(?![^ \t\r\n])")]
    internal static partial Regex PythonRunFence();

    /// <summary>The opening fence of a JavaScript snippet, likewise.</summary>
    [GeneratedRegex(@"(?:```|~~~)[ \t]*(?i:js|javascript|node)[ \t]+run(?![^ \t\r\n])")]
    internal static partial Regex JavaScriptRunFence();
}
