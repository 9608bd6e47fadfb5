using System.Diagnostics;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Tests.Snippets.Python;

/// <summary>Snippets that try to end the process, run too long, or run at the same time as others.</summary>
public sealed class PythonEngineLimitsTests
{
    /// <summary>Room for a busy machine on top of the documented bound (timeout + grace).</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    [Theory]
    [InlineData("import sys\nsys.exit(3)", "SystemExit", "sys.exit(3)")]
    [InlineData("raise SystemExit('bye')", "SystemExit", "'bye'")]
    [InlineData("exit(2)", "SystemExit", "sys.exit(2)")]
    [InlineData("import os\nos._exit(4)", "SystemExit", "os._exit(4) was called")]
    [InlineData("raise KeyboardInterrupt", "KeyboardInterrupt", "")]
    public async Task Exiting_is_the_snippets_error_and_the_process_goes_on(string code, string name, string message)
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run(code, session: "exits");
        var after = await engine.Run("print('still here')", session: "exits");

        Assert.Equal(RunErrorKind.Exception, result.Error?.Kind);
        Assert.Equal(name, result.Error!.Name);
        Assert.Contains(message, result.Error.Message);
        Assert.Contains($"File \"{PythonSnippets.File}\", line 1", result.Error.Trace);
        Assert.Equal("still here\n", after.Succeeded().Text());
    }

    [Fact]
    public async Task Exiting_from_a_thread_ends_only_that_thread()
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run("""
            import os, sys, threading
            for stop in (lambda: sys.exit(1), lambda: os._exit(1)):
                worker = threading.Thread(target=stop)
                worker.start(); worker.join()
            print('done')
            """);

        Assert.Equal("done\n", result.Succeeded().Text());
    }

    [Fact]
    public async Task A_busy_loop_times_out_and_other_sessions_still_run()
    {
        await using var engine = PythonEngine.Create();
        var clock = Stopwatch.StartNew();

        var result = await engine.Run("print('started')\nwhile True:\n    pass", session: "loop", timeoutSeconds: 1);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) + Slack);
        Assert.Equal(RunErrorKind.Timeout, result.Error?.Kind);
        Assert.Equal("TimeoutError", result.Error!.Name);
        Assert.Equal("timed out after 1 s", result.Error.Message);
        Assert.EndsWith("TimeoutError: timed out after 1 s\n", result.Error.Trace);
        Assert.Equal("started\n", result.Text());
        Assert.Equal("alive\n", (await engine.Run("print('alive')", session: "other")).Succeeded().Text());
        Assert.Equal("loop session alive\n", (await engine.Run("print('loop session alive')", session: "loop")).Succeeded().Text());
    }

    [Fact]
    public async Task A_long_sleep_times_out()
    {
        await using var engine = PythonEngine.Create();
        var clock = Stopwatch.StartNew();

        var result = await engine.Run("import time\ntime.sleep(60)", timeoutSeconds: 1, firstLine: 30);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) + Slack);
        Assert.Equal(RunErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains($"File \"{PythonSnippets.File}\", line 31", result.Error!.Trace);
    }

    [Fact]
    public async Task A_snippet_that_swallows_the_timeout_still_times_out()
    {
        await using var engine = PythonEngine.Create();
        var clock = Stopwatch.StartNew();

        var result = await engine.Run("""
            try:
                while True:
                    pass
            except:
                print('caught')
            while True:
                try:
                    sum(range(100))
                except BaseException:
                    pass
            """, timeoutSeconds: 1);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) + Slack);
        Assert.Equal(RunErrorKind.Timeout, result.Error?.Kind);
    }

    [Fact]
    public async Task A_snippet_blocked_in_C_code_is_left_behind_after_the_grace_period()
    {
        await using var engine = PythonEngine.Create();
        var clock = Stopwatch.StartNew();

        // A lock wait releases the GIL but does not see asynchronous exceptions until it returns (after 4 s).
        var result = await engine.Run("import threading\nthreading.Event().wait(4)", timeoutSeconds: 1);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) + Slack);
        Assert.Equal(RunErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("left running", result.Error!.Trace);
        Assert.Equal("next\n", (await engine.Run("print('next')", session: "next")).Succeeded().Text());
    }

    [Fact]
    public async Task The_watchdog_of_a_timed_out_snippet_leaves_the_next_ones_of_its_batch_alone()
    {
        await using var engine = PythonEngine.Create();
        RunRequest Request(string code, double seconds) => new("batch", code, PythonSnippets.File, 1, TimeSpan.FromSeconds(seconds));

        // The worker's timer fires every 100 ms once the first snippet is past its time; the next ones run on the same worker.
        var results = await engine.RunSessionsAsync(
            [[
                Request("while True:\n    pass", 0.3),
                Request("import time\ntime.sleep(0.25)\nprint('b')", 2),
                Request("import time\ntime.sleep(0.25)\nprint('c')", 2),
            ]], CancellationToken.None);

        Assert.Equal(RunErrorKind.Timeout, results[0][0].Error?.Kind);
        Assert.Equal("b\n", results[0][1].Succeeded().Text());
        Assert.Equal("c\n", results[0][2].Succeeded().Text());
    }

    [Fact]
    public async Task Cancelling_stops_a_running_snippet()
    {
        await using var engine = PythonEngine.Create();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var request = new RunRequest("cancel", "while True:\n    pass", PythonSnippets.File, 1, TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(request, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2) + Slack, $"took {clock.Elapsed}");
        Assert.Equal("ok\n", (await engine.Run("print('ok')", session: "cancel")).Succeeded().Text());
    }

    [Fact]
    public async Task Concurrent_snippets_of_different_sessions_keep_their_output_apart()
    {
        await using var engine = PythonEngine.Create();
        var names = Enumerable.Range(0, 6).Select(i => $"s{i}").ToList();

        // Short sleeps release the GIL, so the snippets really take turns.
        var results = await Task.WhenAll(names.Select(name => Task.Run(() => engine.Run($"""
            import sys, time
            for i in range(40):
                print('{name}', i)
                print('{name}', i, file=sys.stderr)
                time.sleep(0.001)
            """, session: name))));

        for (var i = 0; i < names.Count; i++)
        {
            var expected = string.Concat(Enumerable.Range(0, 40).Select(n => $"{names[i]} {n}\n"));
            Assert.Equal(expected, string.Concat(results[i].Succeeded().Output.Where(c => c.Stream == OutputStream.Stdout).Select(c => c.Text)));
            Assert.Equal(expected, string.Concat(results[i].Output.Where(c => c.Stream == OutputStream.Stderr).Select(c => c.Text)));
        }
    }

    [Fact]
    public async Task Asking_for_the_loaded_library_again_works_and_another_one_is_refused()
    {
        await using var engine = PythonEngine.Create();
        using var folder = new Support.TempFolder();
        var other = folder.Write("lib/libpython3.99.so.1.0", "");

        await using var same = PythonEngine.Create(engine.Installation.Library);
        var error = Assert.Throws<PythonUnavailableException>(() => PythonEngine.Create(other));

        Assert.Equal(engine.Runtime, same.Runtime);
        Assert.Contains($"already loaded from {engine.Installation.Library}", error.Message);
        Assert.Contains(other, error.Message);
    }
}
