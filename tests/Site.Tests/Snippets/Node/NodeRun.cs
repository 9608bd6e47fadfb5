using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

/// <summary>Shorthands for running snippets in a <see cref="NodeEngine"/> and reading what they printed.</summary>
internal static class NodeRun
{
    public const string File = "input/guide/async.md";

    public static Task<RunResult> RunAsync(this NodeEngine engine, string code, string session = "page", int line = 10, double timeoutSeconds = 10) =>
        engine.RunAsync(new RunRequest(session, code, File, line, TimeSpan.FromSeconds(timeoutSeconds)), CancellationToken.None);

    /// <summary>Runs a snippet that must complete, and returns its stdout.</summary>
    public static async Task<string> PrintsAsync(this NodeEngine engine, string code, string session = "page")
    {
        var result = await engine.RunAsync(code, session);
        Assert.True(result.Error is null, $"{result.Error?.Kind} {result.Error?.Trace}");
        return result.Stdout();
    }

    public static string Stdout(this RunResult result) =>
        string.Concat(result.Output.Where(c => c.Stream == OutputStream.Stdout).Select(c => c.Text));

    /// <summary>The snippet's error, which must be there.</summary>
    public static RunError Failed(this RunResult result, RunErrorKind kind)
    {
        Assert.NotNull(result.Error);
        Assert.True(result.Error.Kind == kind, $"expected {kind}, got {result.Error.Kind}: {result.Error.Trace}");
        return result.Error;
    }
}
