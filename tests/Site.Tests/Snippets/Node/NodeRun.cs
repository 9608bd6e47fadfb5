using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

/// <summary>Shorthands for running snippets in a <see cref="NodeEngine"/> and reading what they printed.</summary>
internal static class NodeRun
{
    public const string File = "input/guide/async.md";

    public static Task<RunResult> RunAsync(this NodeEngine engine, string code, string session = "page", int line = 10, double timeoutSeconds = 10) =>
        engine.RunAsync(new RunRequest(session, code, File, line, TimeSpan.FromSeconds(timeoutSeconds)), CancellationToken.None);

    /// <summary>Runs snippets of one session in one batch (<see cref="NodeEngine.RunAllAsync"/>), each with its own timeout.</summary>
    public static async Task<List<RunResult>> RunAllAsync(this NodeEngine engine, string session, params (string Code, double TimeoutSeconds)[] snippets)
    {
        var requests = snippets.Select((s, i) => new RunRequest(session, s.Code, File, 10 + 10 * i, TimeSpan.FromSeconds(s.TimeoutSeconds))).ToList();
        var results = new List<RunResult>();
        await foreach (var result in engine.RunAllAsync(requests, CancellationToken.None))
            results.Add(result);
        return results;
    }

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
