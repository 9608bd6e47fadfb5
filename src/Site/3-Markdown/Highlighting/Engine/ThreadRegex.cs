using System.Text.RegularExpressions;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>
/// A regular expression with a .NET <see cref="Regex"/> of its own on each thread. A Regex keeps one runner (its matching
/// state) for reuse: while one thread matches, another using the same instance builds a new runner every time, which on
/// pages highlighted in parallel made most of highlighting's allocations. Building one more Regex takes tens of µs.
/// </summary>
internal sealed class ThreadRegex
{
    private readonly ThreadLocal<Regex> local;

    /// <summary>Builds the first at once, so that an expression .NET refuses fails here.</summary>
    public ThreadRegex(string pattern, RegexOptions options)
    {
        local = new ThreadLocal<Regex>(() => new Regex(pattern, options)) { Value = new Regex(pattern, options) };
    }

    /// <summary>This thread's Regex.</summary>
    public Regex Value => local.Value!;
}
