using System.Text.RegularExpressions;
using Site.Core;
using Site.Snippets.Caching;

namespace Site.Snippets;

/// <summary>
/// Gives Python a head start right after reading: when a page has what looks like a Python snippet to run, the library is
/// found (asking python3 takes 0.1 to 0.2 s) and, when no result can come from the cache, the interpreter is loaded, on a
/// background thread while the pages are parsed. It decides nothing: the run stage finds, starts and reports the runtime
/// as it always did, and a wrong guess costs only the head start's work.
/// </summary>
internal sealed partial class WarmUpRuntimes : IStage
{
    public Phase Phase => Phase.Input;

    public string Name => "warm-up";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        if (state.Pages.Any(page => PythonRunFence().IsMatch(page.Text)))
        {
            // With a cache, every snippet may be cached: then loading Python would be wasted work.
            var nothingCached = options.NoCache || !File.Exists(Path.Combine(context.CacheDirectory, SnippetCache.FileName));
            context.Runtimes.WarmUp(SnippetLanguage.Python, start: nothingCached && !options.Frozen);
        }

        return Task.FromResult(state);
    }

    /// <summary>The opening fence of a Python snippet (see <see cref="CollectSnippets"/>), wherever it is on its line.</summary>
    [GeneratedRegex(@"(?:```|~~~)[ \t]*(?i:python3?|py)[ \t]+run(?![^ \t\r\n])")]
    internal static partial Regex PythonRunFence();
}
