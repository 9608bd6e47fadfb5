using BenchmarkDotNet.Attributes;
using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Benchmarks;

/// <summary>
/// JavaScript snippets (of the corpus) in the long-lived Node worker (NodeEngine): one snippet in a page's session, and a
/// page's session of two snippets in a fresh vm context, sent in one write, as the build runs them.
/// </summary>
[MemoryDiagnoser]
public class NodeSnippetBenchmarks
{
    private static readonly RunRequest Request = new("bench.md#js:page", "for (let i = 0; i < 6; i++) {\n  console.log(i, i * i);\n}\n", "bench.md", 10,
        SnippetOptions.DefaultTimeout);

    private static readonly string[] SessionCode =
    [
        "for (let i = 0; i < 6; i++) {\n  console.log(i, i * i);\n}\n",
        "let [a, b] = [0, 1];\nfor (let k = 0; k < 41; k++) {\n  [a, b] = [b, a + b];\n}\nconsole.log(a);\n",
    ];

    private NodeEngine engine = null!;
    private int sessions;

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

    [Benchmark]
    public async Task<int> RunJavaScriptSession()
    {
        var session = $"bench.md#js:{++sessions}";
        var requests = SessionCode.Select((code, i) => new RunRequest(session, code, "bench.md", 10 + 10 * i, SnippetOptions.DefaultTimeout)).ToList();
        var printed = 0;
        await foreach (var result in engine.RunAllAsync(requests, CancellationToken.None))
            printed += SnippetCheck.Output(result).Length;
        await engine.EndSessionAsync(session);
        return printed;
    }
}
