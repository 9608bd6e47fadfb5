using Site.Snippets;
using Site.Snippets.Engines;

namespace Site.Tests.Snippets.Running;

/// <summary>The default <see cref="ISnippetEngine.RunSessionsAsync"/>: session after session, each snippet in order, then the session's end.</summary>
public sealed class RunSessionsDefaultTests
{
    private sealed class RecordingEngine : ISnippetEngine
    {
        public List<string> Calls { get; } = [];

        public SnippetLanguage Language => SnippetLanguage.JavaScript;

        public string Runtime => "Recording 1";

        public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
        {
            Calls.Add("run " + request.Code);
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
        var recording = new RecordingEngine();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ((ISnippetEngine)recording).RunSessionsAsync([[Request("s1", "a")], [Request("s2", "b")]], new CancellationToken(canceled: true)));

        Assert.Equal(["run a", "end s1"], recording.Calls);
    }
}
