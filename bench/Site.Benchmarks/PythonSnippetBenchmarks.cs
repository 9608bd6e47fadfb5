using BenchmarkDotNet.Attributes;
using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Benchmarks;

/// <summary>One Python snippet (one of the corpus's) run in a page's session on the embedded interpreter (PythonEngine).</summary>
[MemoryDiagnoser]
public class PythonSnippetBenchmarks
{
    private static readonly RunRequest Request = new("bench.md#python:page", "for i in range(3):\n    print(i, i * i)\n", "bench.md", 10,
        SnippetOptions.DefaultTimeout);

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
}
