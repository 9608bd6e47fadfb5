using BenchmarkDotNet.Attributes;
using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Benchmarks;

/// <summary>
/// Python snippets on the embedded interpreter (PythonEngine): one snippet in a page's session, and a build's worth of
/// sessions handed over in one go as the run stage does (100 pages' sessions of two snippets each, ended after).
/// </summary>
[MemoryDiagnoser]
public class PythonSnippetBenchmarks
{
    private static readonly RunRequest Request = new("bench.md#python:page", "for i in range(3):\n    print(i, i * i)\n", "bench.md", 10,
        SnippetOptions.DefaultTimeout);

    private static readonly RunRequest[][] Sessions = [.. Enumerable.Range(0, 100).Select(page => new[]
    {
        new RunRequest($"page-{page}.md#python:page", "total = sum(i * i for i in range(50))\n", $"page-{page}.md", 12, SnippetOptions.DefaultTimeout),
        new RunRequest($"page-{page}.md#python:page", "print(total)\n", $"page-{page}.md", 20, SnippetOptions.DefaultTimeout),
    })];

    private PythonEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = PythonEngine.Create();
        var output = SnippetCheck.Output(engine.RunAsync(Request, CancellationToken.None).GetAwaiter().GetResult());
        if (output != "0 0\n1 1\n2 4\n")
            throw new InvalidOperationException($"unexpected output: {output}");
    }

    [GlobalCleanup]
    public void Cleanup() => engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<string> RunPythonSnippet() => SnippetCheck.Output(await engine.RunAsync(Request, CancellationToken.None));

    /// <summary>200 snippets: divide by 200 for one snippet's share.</summary>
    [Benchmark]
    public async Task<string> RunPythonSessions()
    {
        var results = await engine.RunSessionsAsync(Sessions, CancellationToken.None);
        return SnippetCheck.Output(results[^1][^1]);
    }
}
