using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Snippets;
using Site.Snippets.Engines;

namespace Site.Tests.Support;

/// <summary>
/// Engines that understand a tiny language, so the run stage can be tested without Python or Node:
/// <c>print TEXT</c>, <c>eprint TEXT</c> (stderr), <c>set NAME TEXT</c> / <c>show NAME</c> (session state),
/// <c>raise NAME [MESSAGE]</c>, <c>hang</c> (times out), <c>sleep MS</c>.
/// </summary>
internal sealed class FakeRuntimes : ISnippetRuntimes
{
    public ConcurrentBag<RunRequest> Runs { get; } = [];

    /// <summary>Languages whose runtime is "not installed".</summary>
    public HashSet<SnippetLanguage> Missing { get; } = [];

    public string Version { get; set; } = "1.0";

    /// <summary>What the engines say they run at once (<see cref="ISnippetEngine.MaxParallelSessions"/>).</summary>
    public int ParallelSessions { get; set; } = 1;

    /// <summary>
    /// Each answer comes from a thread of its own, which runs what waits for it inline (as Node's reader thread does).
    /// </summary>
    public bool AnswerOnOwnThread { get; set; }

    /// <summary>With <see cref="AnswerOnOwnThread"/>: the threads that answered.</summary>
    public ConcurrentBag<int> AnswerThreads { get; } = [];

    /// <summary>The most sessions that were running at the same time (between their first snippet and their end).</summary>
    public int MostSessionsAtOnce => mostAtOnce;

    private int atOnce;
    private int mostAtOnce;

    public string Identify(SnippetLanguage language) => Missing.Contains(language)
        ? throw new RuntimeUnavailableException($"fake {language.DisplayName()} is not installed (tried /nowhere)")
        : $"fake-{language.Key()}-{Version}";

    public Task<ISnippetEngine> StartAsync(SnippetLanguage language, CancellationToken cancellationToken) =>
        Task.FromResult<ISnippetEngine>(new FakeEngine(language, this));

    private sealed class FakeEngine(SnippetLanguage language, FakeRuntimes owner) : ISnippetEngine
    {
        private readonly ConcurrentDictionary<string, Dictionary<string, string>> sessions = new();

        public SnippetLanguage Language => language;

        public string Runtime => $"Fake{language.DisplayName()} {owner.Version}";

        public int MaxParallelSessions => owner.ParallelSessions;

        public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
        {
            if (!owner.AnswerOnOwnThread)
                return RunHereAsync(request, cancellationToken);
            var answer = new TaskCompletionSource<RunResult>(); // continuations run inline, on the answering thread
            new Thread(() =>
            {
                owner.AnswerThreads.Add(Environment.CurrentManagedThreadId);
                answer.SetResult(RunHereAsync(request, cancellationToken).GetAwaiter().GetResult());
            }) { IsBackground = true }.Start();
            return answer.Task;
        }

        private async Task<RunResult> RunHereAsync(RunRequest request, CancellationToken cancellationToken)
        {
            owner.Runs.Add(request);
            if (!sessions.TryGetValue(request.SessionId, out var state))
            {
                sessions[request.SessionId] = state = [];
                var now = Interlocked.Increment(ref owner.atOnce);
                lock (owner)
                    owner.mostAtOnce = Math.Max(owner.mostAtOnce, now);
            }

            var output = ImmutableArray.CreateBuilder<OutputChunk>();
            var lines = request.Code.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < lines.Length; i++)
            {
                var words = lines[i].Split(' ', 3);
                switch (words[0])
                {
                    case "print":
                        output.Add(new OutputChunk(OutputStream.Stdout, lines[i][6..] + "\n"));
                        break;
                    case "eprint":
                        output.Add(new OutputChunk(OutputStream.Stderr, lines[i][7..] + "\n"));
                        break;
                    case "set":
                        state[words[1]] = words[2];
                        break;
                    case "show":
                        output.Add(new OutputChunk(OutputStream.Stdout, (state.GetValueOrDefault(words[1]) ?? "undefined") + "\n"));
                        break;
                    case "raise":
                        var message = words.Length > 2 ? words[2] : "";
                        var trace = $"Traceback:\n  File \"{request.FileName}\", line {request.FirstLine + i}\n{words[1]}: {message}\n";
                        return Done(output, new RunError(RunErrorKind.Exception, words[1], message, trace, [words[1], "Exception"]));
                    case "hang":
                        return Done(output, new RunError(RunErrorKind.Timeout, "TimeoutError", "timed out", "", []));
                    case "sleep":
                        await Task.Delay(int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                        break;
                }
            }

            return Done(output, null);
        }

        private static RunResult Done(ImmutableArray<OutputChunk>.Builder output, RunError? error) =>
            new() { Output = output.ToImmutable(), Error = error, Duration = TimeSpan.FromMilliseconds(1) };

        public Task EndSessionAsync(string sessionId)
        {
            if (sessions.TryRemove(sessionId, out _))
                Interlocked.Decrement(ref owner.atOnce);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
