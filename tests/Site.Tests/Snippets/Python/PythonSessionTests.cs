using System.Diagnostics;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Tests.Snippets.Python;

/// <summary>Sessions handed over in one go (<see cref="PythonEngine.RunSessionsAsync"/>): the same results as one snippet at a time.</summary>
public sealed class PythonSessionTests
{
    private static RunRequest Request(string session, string code, int firstLine = 10, double timeoutSeconds = 10) =>
        new(session, code, PythonSnippets.File, firstLine, TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public async Task Sessions_run_in_order_and_each_is_ended_after()
    {
        await using var engine = PythonEngine.Create();

        var results = await engine.RunSessionsAsync(
            [
                [Request("one", "x = 41"), Request("one", "print(x + 1)"), Request("one", "def f():\n    raise ValueError('no')\nf()", firstLine: 20)],
                [Request("two", "print(x)"), Request("two", "x = 'two'\nprint(x)")],
            ],
            CancellationToken.None);
        var after = await engine.Run("print(x)", session: "one");

        Assert.Equal([3, 2], results.Select(session => session.Length));
        results[0][0].Succeeded();
        Assert.Equal("42\n", results[0][1].Succeeded().Text());
        Assert.Equal("ValueError", results[0][2].Error?.Name);
        Assert.Contains($"File \"{PythonSnippets.File}\", line 22", results[0][2].Error!.Trace);
        Assert.Equal("NameError", results[1][0].Error?.Name);
        Assert.Equal("two\n", results[1][1].Succeeded().Text());
        Assert.Equal("NameError", after.Error?.Name);
    }

    [Fact]
    public async Task A_snippet_that_times_out_does_not_stop_the_next()
    {
        await using var engine = PythonEngine.Create();

        var results = await engine.RunSessionsAsync(
            [[Request("slow", "n = 1"), Request("slow", "while True:\n    pass", timeoutSeconds: 0.3), Request("slow", "print(n)")]],
            CancellationToken.None);

        Assert.Equal(RunErrorKind.Timeout, results[0][1].Error?.Kind);
        Assert.Equal("1\n", results[0][2].Succeeded().Text());
    }

    [Fact]
    public async Task A_snippet_left_behind_hands_the_rest_to_another_worker()
    {
        await using var engine = PythonEngine.Create();

        // The lock wait does not see the timeout until it returns (after 4 s): its worker is left behind after the grace period.
        var results = await engine.RunSessionsAsync(
            [
                [Request("stuck", "import threading\nthreading.Event().wait(4)", timeoutSeconds: 1), Request("stuck", "print('next')")],
                [Request("later", "print('later')")],
            ],
            CancellationToken.None);

        Assert.Contains("left running", results[0][0].Error?.Trace);
        Assert.Equal("next\n", results[0][1].Succeeded().Text());
        Assert.Equal("later\n", results[1][0].Succeeded().Text());
    }

    [Fact]
    public async Task Cancelling_stops_the_snippets_and_still_ends_every_session()
    {
        await using var engine = PythonEngine.Create();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunSessionsAsync(
            [
                [Request("cancel", "kept = 1"), Request("cancel", "while True:\n    pass", timeoutSeconds: 30)],
                [Request("never", "never = 1")],
            ],
            cancellation.Token));
        var kept = await engine.Run("print(kept)", session: "cancel");
        var never = await engine.Run("print(never)", session: "never");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.5), $"took {clock.Elapsed}");
        Assert.Equal("NameError", kept.Error?.Name);
        Assert.Equal("NameError", never.Error?.Name);
    }

    [Fact]
    public async Task Snippets_of_two_sessions_in_one_list_are_refused()
    {
        await using var engine = PythonEngine.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => engine.RunSessionsAsync([[Request("a", "pass"), Request("b", "pass")]], CancellationToken.None));
    }
}
