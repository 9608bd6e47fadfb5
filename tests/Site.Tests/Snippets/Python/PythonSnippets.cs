using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Tests.Snippets.Python;

/// <summary>Helpers for engine tests. The interpreter is loaded once per test process and shared by every engine.</summary>
internal static class PythonSnippets
{
    public const string File = "input/guide/page.md";

    public static Task<RunResult> Run(this PythonEngine engine, string code, string session = "page", int firstLine = 10, double timeoutSeconds = 10) =>
        engine.RunAsync(new RunRequest(session, code, File, firstLine, TimeSpan.FromSeconds(timeoutSeconds)), CancellationToken.None);

    /// <summary>All the output, both streams, as one string.</summary>
    public static string Text(this RunResult result) => string.Concat(result.Output.Select(chunk => chunk.Text));

    /// <summary>The snippet completed without an error; shows the trace when it did not.</summary>
    public static RunResult Succeeded(this RunResult result)
    {
        Assert.True(result.Error is null, $"{result.Error?.Kind} {result.Error?.Name}: {result.Error?.Message}\n{result.Error?.Trace}");
        return result;
    }
}
