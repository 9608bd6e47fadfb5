using Site.Snippets.Engines;

namespace Site.Benchmarks;

/// <summary>A snippet's printed text; a snippet that failed fails the benchmark rather than timing the failure.</summary>
internal static class SnippetCheck
{
    public static string Output(RunResult result) => result.Error is { } error
        ? throw new InvalidOperationException($"the snippet failed: {error.Name}: {error.Message}")
        : string.Concat(result.Output.Select(chunk => chunk.Text));
}
