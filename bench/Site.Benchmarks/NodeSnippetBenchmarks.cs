using BenchmarkDotNet.Attributes;
using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Benchmarks;

/// <summary>One JavaScript snippet (one of the corpus's) run in a page's session in the long-lived Node worker (NodeEngine).</summary>
[MemoryDiagnoser]
public class NodeSnippetBenchmarks
{
    private static readonly RunRequest Request = new("bench.md#js:page", "for (let i = 0; i < 6; i++) {\n  console.log(i, i * i);\n}\n", "bench.md", 10,
        SnippetOptions.DefaultTimeout);

    private NodeEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = NodeEngine.StartAsync().GetAwaiter().GetResult();
        var output = SnippetCheck.Output(engine.RunAsync(Request, CancellationToken.None).GetAwaiter().GetResult());
        if (output != "0 0\n1 1\n2 4\n3 9\n4 16\n5 25\n")
            throw new InvalidOperationException($"unexpected output: {output}");
    }

    [GlobalCleanup]
    public void Cleanup() => engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<string> RunJavaScriptSnippet() => SnippetCheck.Output(await engine.RunAsync(Request, CancellationToken.None));
}
