using System.Collections.Immutable;
using Site.Snippets;
using Site.Snippets.Engines;

namespace Site.Tests.Snippets.Running;

/// <summary>The default <see cref="ISnippetEngine.RunSessionAsync"/>: each snippet in order, then the session's end, whatever happens.</summary>
public sealed class RunSessionDefaultTests
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

    private static RunRequest Request(string code) => new("page#js", code, "page.md", 1, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Runs_each_snippet_in_order_then_ends_the_session()
    {
        var recording = new RecordingEngine();
        ISnippetEngine engine = recording;

        var results = await engine.RunSessionAsync([Request("a"), Request("b")], CancellationToken.None);

        Assert.Equal(["a", "b"], results.Select(r => r.Output.Single().Text));
        Assert.Equal(["run a", "run b", "end page#js"], recording.Calls);
    }

    [Fact]
    public async Task Ends_the_session_when_cancelled()
    {
        var recording = new RecordingEngine();
        ISnippetEngine engine = recording;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunSessionAsync([Request("a")], new CancellationToken(canceled: true)));

        Assert.Equal(["run a", "end page#js"], recording.Calls);
    }

    [Fact]
    public async Task An_empty_session_is_nothing_to_do()
    {
        var recording = new RecordingEngine();

        var results = await ((ISnippetEngine)recording).RunSessionAsync(ImmutableArray<RunRequest>.Empty, CancellationToken.None);

        Assert.Empty(results);
        Assert.Empty(recording.Calls);
    }
}
