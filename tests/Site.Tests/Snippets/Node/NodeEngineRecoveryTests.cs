using System.Diagnostics;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

/// <summary>Runaway snippets and a dying worker: each test waits a second or more of real time.</summary>
public sealed class NodeEngineRecoveryTests
{
    /// <summary>Room for a slow, busy machine on top of what the engine promises.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_synchronous_endless_loop_times_out_and_its_session_goes_on()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("const x = 'still here'");

        var clock = Stopwatch.StartNew();
        var result = await engine.RunAsync("console.log('looping');\nwhile (true) {}", timeoutSeconds: 1);

        var error = result.Failed(RunErrorKind.Timeout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1) + NodeEngine.WatchdogGrace + Slack, $"took {clock.Elapsed}");
        Assert.Equal("timed out after 1 s", error.Message);
        Assert.Equal("looping\n", result.Stdout());
        Assert.Equal("still here\n", await engine.PrintsAsync("console.log(x)"));
    }

    [Fact]
    public async Task Synchronous_loops_time_out_one_after_another_without_cutting_the_runs_after_them()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("console.log('warm')");

        var first = await engine.RunAsync("while (true) {}", timeoutSeconds: 0.3);
        var second = await engine.RunAsync("for (;;) {}", session: "other", timeoutSeconds: 0.5);
        var busy = await engine.RunAsync("const end = Date.now() + 700; while (Date.now() < end) {}\nconsole.log('done')", timeoutSeconds: 10);

        Assert.Equal("timed out after 0.3 s", first.Failed(RunErrorKind.Timeout).Message);
        Assert.Equal("timed out after 0.5 s", second.Failed(RunErrorKind.Timeout).Message);
        Assert.Null(busy.Error);
        Assert.Equal("done\n", busy.Stdout());
    }

    [Fact]
    public async Task A_run_that_ends_just_as_its_time_is_up_does_not_cost_the_next_one()
    {
        await using var engine = await NodeEngine.StartAsync();

        // Whether each busy run counts as timed out is a coin toss; the run after it must always be whole.
        for (var ms = 190; ms <= 210; ms += 4)
        {
            var edge = await engine.RunAsync($"const end{ms} = Date.now() + {ms}; while (Date.now() < end{ms}) {{}}", timeoutSeconds: 0.2);
            Assert.True(edge.Error is null || edge.Error.Kind == RunErrorKind.Timeout, edge.Error?.Trace);
            Assert.Equal("next\n", await engine.PrintsAsync("const then = Date.now(); while (Date.now() < then + 20) {}\nconsole.log('next')"));
        }
    }

    [Fact]
    public async Task A_snippet_may_listen_for_SIGINT_and_endless_loops_still_time_out_after_it()
    {
        await using var engine = await NodeEngine.StartAsync();

        Assert.Equal("caught SIGINT\n", await engine.PrintsAsync("process.once('SIGINT', s => console.log('caught', s)); process.kill(process.pid, 'SIGINT')"));
        var loop = await engine.RunAsync("while (true) {}", timeoutSeconds: 0.3);

        Assert.Equal("timed out after 0.3 s", loop.Failed(RunErrorKind.Timeout).Message);
        Assert.Equal("ok\n", await engine.PrintsAsync("console.log('ok')"));
    }

    [Fact]
    public async Task A_SIGINT_from_another_process_ends_the_worker_as_it_would_end_node()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("const kept = 'kept'");

        // Node takes the signal on another thread: the run lasts until it surely has.
        var result = await engine.RunAsync("""
            require('node:child_process').execSync(`kill -INT ${process.pid}`);
            const end = Date.now() + 1000; while (Date.now() < end) {}
            console.log('survived');
            """);

        Assert.Contains("exit code 130", result.Failed(RunErrorKind.EngineFailure).Message);
        Assert.Equal("kept\n", await engine.PrintsAsync("console.log(kept)"));
    }

    [Fact]
    public async Task An_interval_never_cleared_times_out()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("setInterval(() => {}, 10)", timeoutSeconds: 0.5);

        Assert.Equal("timed out after 0.5 s", result.Failed(RunErrorKind.Timeout).Message);
        Assert.Equal("ok\n", await engine.PrintsAsync("console.log('ok')"));
    }

    [Fact]
    public async Task A_runaway_callback_gets_the_worker_killed_and_other_sessions_get_their_state_back()
    {
        await using var engine = await NodeEngine.StartAsync();
        Assert.Equal("setting up\n", await engine.PrintsAsync("console.log('setting up'); const kept = 'still here'; let counter = 0", session: "other"));
        await engine.PrintsAsync("counter++", session: "other");
        await engine.RunAsync("counter = 'failed snippets are not replayed'; throw new Error()", session: "other");

        var clock = Stopwatch.StartNew();
        var result = await engine.RunAsync("setTimeout(() => { while (true) {} })", session: "runaway", timeoutSeconds: 1);

        Assert.Equal(RunErrorKind.Timeout, result.Failed(RunErrorKind.Timeout).Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1) + NodeEngine.WatchdogGrace + Slack, $"took {clock.Elapsed}");
        var after = await engine.RunAsync("console.log(kept, counter)", session: "other");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1) + NodeEngine.WatchdogGrace + Slack + Slack, $"took {clock.Elapsed} with the restart");
        Assert.Null(after.Error);
        Assert.Equal([new(OutputStream.Stdout, "still here 1\n")], after.Output.ToArray());
        Assert.Equal("fresh\n", await engine.PrintsAsync("console.log('fresh')", session: "runaway"));
    }

    [Fact]
    public async Task When_a_runaway_callback_kills_the_worker_the_rest_of_its_batch_runs_in_a_new_one()
    {
        await using var engine = await NodeEngine.StartAsync();

        var results = await engine.RunAllAsync("page",
            ("const kept = 'kept'; console.log(process.pid)", 10),
            ("setTimeout(() => { while (true) {} })", 1),
            ("console.log(kept, process.pid)", 10));

        Assert.Equal(RunErrorKind.Timeout, results[1].Failed(RunErrorKind.Timeout).Kind);
        Assert.Null(results[2].Error);
        var firstPid = results[0].Stdout().Trim();
        Assert.StartsWith("kept ", results[2].Stdout());
        Assert.NotEqual(firstPid, results[2].Stdout().Trim()["kept ".Length..]);
    }

    [Fact]
    public async Task A_worker_that_dies_under_a_snippet_is_an_engine_failure_and_is_replaced()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("const kept = 'kept'");

        var result = await engine.RunAsync("require('node:child_process').execSync(`kill -9 ${process.pid}`)");

        var error = result.Failed(RunErrorKind.EngineFailure);
        Assert.Contains("exited", error.Message);
        Assert.Equal("kept\n", await engine.PrintsAsync("console.log(kept)"));
    }

    [Fact]
    public async Task Disposing_the_engine_stops_the_worker()
    {
        var engine = await NodeEngine.StartAsync();
        var pid = int.Parse(await engine.PrintsAsync("process.stdout.write(String(process.pid))"), System.Globalization.CultureInfo.InvariantCulture);
        using var worker = System.Diagnostics.Process.GetProcessById(pid);

        await engine.DisposeAsync();

        Assert.True(worker.WaitForExit(5000), "the worker still runs");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => engine.RunAsync("1"));
    }

    [Fact]
    public async Task Disposing_the_engine_stops_the_processes_snippets_started()
    {
        var engine = await NodeEngine.StartAsync();
        var pid = int.Parse(await engine.PrintsAsync(
            "const child = require('node:child_process').spawn('sleep', ['60'], { stdio: 'ignore' });\n"
            + "child.unref();\nprocess.stdout.write(String(child.pid));"), System.Globalization.CultureInfo.InvariantCulture);
        using var child = System.Diagnostics.Process.GetProcessById(pid);

        await engine.DisposeAsync();

        Assert.True(child.WaitForExit(5000), "the snippet's child process still runs");
    }
}
