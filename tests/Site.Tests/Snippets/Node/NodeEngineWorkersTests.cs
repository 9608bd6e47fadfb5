using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

/// <summary>An engine with several workers: each session lives in one, a new session goes to the least busy one.</summary>
public sealed class NodeEngineWorkersTests
{
    [Fact]
    public async Task A_new_session_goes_to_the_worker_with_the_fewest_sessions_and_stays_there()
    {
        await using var engine = await NodeEngine.StartAsync(workers: 2);
        Assert.Equal(2, ((ISnippetEngine)engine).MaxParallelSessions);

        var a = await engine.PrintsAsync("const where = process.pid; console.log(where)", session: "a");
        var b = await engine.PrintsAsync("const where = process.pid; console.log(where)", session: "b");
        await engine.EndSessionAsync("a");
        var c = await engine.PrintsAsync("console.log(process.pid)", session: "c");

        Assert.NotEqual(a, b);
        Assert.Equal(a, c);
        Assert.Equal(b, await engine.PrintsAsync("console.log(where)", session: "b"));
    }

    [Fact]
    public async Task Sessions_in_different_workers_run_at_the_same_time()
    {
        await using var engine = await NodeEngine.StartAsync(workers: 2);
        await Task.WhenAll(engine.PrintsAsync("1", session: "a"), engine.PrintsAsync("1", session: "b"));

        // Each waits until the other has started: one worker alone would never finish either.
        const string code = "const fs = require('node:fs');\nfs.writeFileSync(`${process.env.TMP_DIR}/${process.pid}`, '');\n"
            + "const end = Date.now() + 5000; while (fs.readdirSync(process.env.TMP_DIR).length < 2 && Date.now() < end) {}\n"
            + "console.log(fs.readdirSync(process.env.TMP_DIR).length)";
        var folder = Directory.CreateTempSubdirectory("site-workers-");
        try
        {
            var runs = new[] { "a", "b" }.Select(s => engine.PrintsAsync($"process.env.TMP_DIR = {System.Text.Json.JsonSerializer.Serialize(folder.FullName)};\n{code}", session: s));

            Assert.Equal(["2\n", "2\n"], await Task.WhenAll(runs));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_worker_killed_under_one_session_leaves_the_other_workers_sessions_alone()
    {
        await using var engine = await NodeEngine.StartAsync(workers: 2);
        var a = await engine.PrintsAsync("const kept = 'a'; console.log(process.pid)", session: "a");
        await engine.PrintsAsync("const mine = 'b'", session: "b");

        var runaway = await engine.RunAsync("setTimeout(() => { while (true) {} })", session: "b", timeoutSeconds: 1);

        Assert.Equal(RunErrorKind.Timeout, runaway.Failed(RunErrorKind.Timeout).Kind);
        Assert.Equal($"a {a}", await engine.PrintsAsync("console.log(kept, process.pid)", session: "a"));
        Assert.Equal("b\n", await engine.PrintsAsync("console.log(mine)", session: "b"));
    }
}
