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
        Assert.Equal(4, ((ISnippetEngine)engine).MaxParallelSessions); // while one session runs, the next is written

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

    [Fact]
    public async Task Two_sessions_written_to_one_worker_are_answered_in_turn()
    {
        await using var engine = await NodeEngine.StartAsync();

        var (a, b) = await Both(engine,
            ("a", [("let n = 1; setTimeout(() => console.log('a', n++), 30)", 10), ("console.log('a', n)", 10)]),
            ("b", [("let n = 10; console.log('b', n)", 10), ("console.log('b', n + 1)", 10)]));

        Assert.Equal(["a 1\n", "a 2\n"], a.Select(r => r.Stdout()));
        Assert.Equal(["b 10\n", "b 11\n"], b.Select(r => r.Stdout()));
    }

    [Fact]
    public async Task A_session_written_behind_a_runaway_one_runs_in_full_in_the_next_worker()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("const kept = 'kept'", session: "b");

        var (a, b) = await Both(engine,
            ("a", [("setTimeout(() => { while (true) {} })", 1)]),
            ("b", [("console.log(kept)", 10), ("console.log('after')", 10)]));

        Assert.Equal(RunErrorKind.Timeout, a[0].Failed(RunErrorKind.Timeout).Kind);
        Assert.All(b, r => Assert.Null(r.Error));
        Assert.Equal(["kept\n", "after\n"], b.Select(r => r.Stdout()));
    }

    [Fact]
    public async Task A_session_written_behind_one_whose_worker_dies_runs_in_the_next_worker()
    {
        await using var engine = await NodeEngine.StartAsync();

        var (a, b) = await Both(engine,
            ("a", [("require('node:child_process').execSync(`kill -9 ${process.pid}`)", 10)]),
            ("b", [("console.log('b')", 10)]));

        Assert.Equal(RunErrorKind.EngineFailure, a[0].Failed(RunErrorKind.EngineFailure).Kind);
        Assert.Equal("b\n", Assert.Single(b).Stdout());
    }

    /// <summary>Writes the first session's batch, then the second's behind it, and reads both.</summary>
    private static async Task<(List<RunResult> First, List<RunResult> Second)> Both(NodeEngine engine,
        (string Session, (string Code, double TimeoutSeconds)[] Snippets) first, (string Session, (string Code, double TimeoutSeconds)[] Snippets) second)
    {
        var one = engine.RunAllAsync(first.Session, first.Snippets);
        await Task.Delay(50); // written first
        var two = engine.RunAllAsync(second.Session, second.Snippets);
        return (await one, await two);
    }

    [Fact]
    public async Task An_engine_takes_the_workers_started_ahead_for_its_directory()
    {
        var folder = Directory.CreateTempSubdirectory("site-warm-");
        try
        {
            NodeEngine.WarmUp(2, folder.FullName);
            await Task.Delay(1500);

            await using var engine = await NodeEngine.StartAsync(folder.FullName, workers: 2);
            var uptimes = await Task.WhenAll(new[] { "a", "b" }.Select(s => engine.PrintsAsync("console.log(process.uptime())", session: s)));

            // Both workers had been up since the warm-up; started now, they would be younger than that.
            Assert.All(uptimes, uptime => Assert.True(double.Parse(uptime, System.Globalization.CultureInfo.InvariantCulture) > 1.2, uptime));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
