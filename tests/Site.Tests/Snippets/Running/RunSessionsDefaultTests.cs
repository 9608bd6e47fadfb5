using Site.Snippets;
using Site.Snippets.Engines;

namespace Site.Tests.Snippets.Running;

/// <summary>The default <see cref="ISnippetEngine.RunSessionsAsync"/>: session after session, each snippet in order, then the session's end.</summary>
public sealed class RunSessionsDefaultTests
{
    private sealed class RecordingEngine : ISnippetEngine
    {
        public List<string> Calls { get; } = [];

        /// <summary>Cancelled as the snippet with this code starts, as Ctrl+C would be.</summary>
        public (string Code, CancellationTokenSource Source)? CancelAt { get; init; }

        public SnippetLanguage Language => SnippetLanguage.JavaScript;

        public string Runtime => "Recording 1";

        public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
        {
            Calls.Add("run " + request.Code);
            if (CancelAt is { } cancel && cancel.Code == request.Code)
                cancel.Source.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(new RunResult { Output = [new OutputChunk(OutputStream.Stdout, request.Code)] });
        }

        public Task EndSessionAsync(string sessionId)
        {
            Calls.Add("end " + sessionId);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static RunRequest Request(string session, string code) => new(session, code, "page.md", 1, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Runs_each_session_in_order_and_ends_it()
    {
        var recording = new RecordingEngine();

        var results = await ((ISnippetEngine)recording).RunSessionsAsync([[Request("s1", "a"), Request("s1", "b")], [], [Request("s2", "c")]], CancellationToken.None);

        Assert.Equal(["a", "b"], results[0].Select(r => r.Output.Single().Text));
        Assert.Empty(results[1]);
        Assert.Equal(["c"], results[2].Select(r => r.Output.Single().Text));
        Assert.Equal(["run a", "run b", "end s1", "run c", "end s2"], recording.Calls);
    }

    [Fact]
    public async Task Ends_the_running_session_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var recording = new RecordingEngine { CancelAt = ("a", cancellation) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ((ISnippetEngine)recording).RunSessionsAsync([[Request("s1", "a")], [Request("s2", "b")]], cancellation.Token));

        Assert.Equal(["run a", "end s1"], recording.Calls);
    }

    private sealed class ParallelEngine(int sessionsAtOnce) : ISnippetEngine
    {
        private int running;

        public int MostAtOnce { get; private set; }

        public SnippetLanguage Language => SnippetLanguage.JavaScript;

        public string Runtime => "Parallel 1";

        public int MaxParallelSessions => sessionsAtOnce;

        public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
        {
            lock (this)
                MostAtOnce = Math.Max(MostAtOnce, ++running);
            await Task.Delay(200, cancellationToken);
            lock (this)
                running--;
            return new RunResult { Output = [new OutputChunk(OutputStream.Stdout, request.Code)] };
        }

        public Task EndSessionAsync(string sessionId) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Runs_as_many_sessions_at_once_as_the_engine_takes(int sessionsAtOnce)
    {
        var engine = new ParallelEngine(sessionsAtOnce);

        var results = await ((ISnippetEngine)engine).RunSessionsAsync([[Request("s1", "a")], [Request("s2", "b")], [Request("s3", "c")]], CancellationToken.None);

        Assert.Equal(sessionsAtOnce, engine.MostAtOnce);
        Assert.Equal(["a", "b", "c"], results.Select(r => r[0].Output.Single().Text));
    }
}
