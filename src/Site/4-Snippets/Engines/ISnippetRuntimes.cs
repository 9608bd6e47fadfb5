namespace Site.Snippets.Engines;

/// <summary>
/// Where a build gets its engines. <see cref="Identify"/> is cheap and runs no snippet (it names the runtime for
/// cache keys, so a fully cached build never starts one); <see cref="StartAsync"/> starts an engine.
/// Tests swap in their own; the build uses <see cref="SnippetRuntimes"/>.
/// </summary>
internal interface ISnippetRuntimes
{
    /// <summary>A string that changes when the runtime does (library or executable, its size and time).</summary>
    /// <exception cref="RuntimeUnavailableException">No usable runtime for the language.</exception>
    string Identify(SnippetLanguage language);

    /// <exception cref="RuntimeUnavailableException">The runtime could not be started.</exception>
    Task<ISnippetEngine> StartAsync(SnippetLanguage language, CancellationToken cancellationToken);

    /// <summary>
    /// A head start: finds the runtime (and when <paramref name="start"/>, starts it) so that <see cref="Identify"/> and
    /// <see cref="StartAsync"/> find it ready. It may take a while, so call it off the build's path. It never throws,
    /// reports nothing, and changes nothing they decide or report. By default it does nothing.
    /// </summary>
    void WarmUp(SnippetLanguage language, bool start)
    {
    }
}

/// <summary>Python or Node is missing or broken; the message says what was tried, in one sentence.</summary>
internal class RuntimeUnavailableException(string message) : Exception(message);
