namespace Site.Snippets.Engines;

/// <summary>The real runtimes: embedded CPython and the Node worker.</summary>
internal sealed class SnippetRuntimes(string? pythonLibrary) : ISnippetRuntimes
{
    public string? PythonLibrary { get; } = pythonLibrary;

    public string Identify(SnippetLanguage language) =>
        throw new RuntimeUnavailableException($"{language.DisplayName()} engine not wired yet");

    public Task<ISnippetEngine> StartAsync(SnippetLanguage language, CancellationToken cancellationToken) =>
        throw new RuntimeUnavailableException($"{language.DisplayName()} engine not wired yet");
}
