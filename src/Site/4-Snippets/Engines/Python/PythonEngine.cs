using System.Collections.Immutable;
using System.Globalization;

namespace Site.Snippets.Engines.Python;

/// <summary>
/// Runs Python snippets in the process's embedded interpreter (<see cref="PythonRuntime"/>). A session is a namespace,
/// created on first use; an engine (one per build) drops its sessions when disposed, while the interpreter lives on.
/// </summary>
internal sealed class PythonEngine : ISnippetEngine
{
    /// <summary>How long ending a session may take (a namespace's __del__ methods run then).</summary>
    private static readonly TimeSpan HousekeepingTimeout = TimeSpan.FromSeconds(10);

    private static long lastId;

    private readonly PythonRuntime runtime;
    private readonly long id = Interlocked.Increment(ref lastId);
    private int disposed;

    private PythonEngine(PythonRuntime runtime) => this.runtime = runtime;

    /// <summary>
    /// An engine on the process's interpreter, which the first engine loads from <paramref name="pythonLibrary"/> (the
    /// --python-library option), else SITE_PYTHON_LIBRARY, else a search (<see cref="PythonLocator"/>).
    /// Throws <see cref="PythonUnavailableException"/> when no Python can be used.
    /// </summary>
    public static PythonEngine Create(string? pythonLibrary = null) => new(PythonRuntime.Get(pythonLibrary));

    public SnippetLanguage Language => SnippetLanguage.Python;

    public string Runtime => "Python " + runtime.Version;

    /// <summary>The installation in use, for messages.</summary>
    public PythonInstallation Installation => runtime.Installation;

    /// <remarks><see cref="RunRequest.Timeout"/> must be positive or <see cref="Timeout.InfiniteTimeSpan"/> (no limit).</remarks>
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken) =>
        (await RunAllAsync([[request]], endSessions: false, cancellationToken))[0][0];

    /// <summary>Every snippet and every session's end in one batch for one worker thread: no thread hop between them.</summary>
    public Task<ImmutableArray<ImmutableArray<RunResult>>> RunSessionsAsync(IReadOnlyList<IReadOnlyList<RunRequest>> sessions,
        CancellationToken cancellationToken)
    {
        foreach (var requests in sessions)
        {
            for (var i = 1; i < requests.Count; i++)
            {
                if (requests[i].SessionId != requests[0].SessionId)
                    throw new ArgumentException("each list holds the snippets of one session", nameof(sessions));
            }
        }

        return RunAllAsync(sessions, endSessions: true, cancellationToken);
    }

    public async Task EndSessionAsync(string sessionId)
    {
        if (Volatile.Read(ref disposed) == 0)
            await runtime.CallAsync([EndSessionCall(sessionId)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
            await runtime.CallAsync([new PythonCall(runtime, runtime.DropEngine, new HostArguments(id), HousekeepingTimeout, expectReply: false)]);
    }

    /// <summary>Runs the sessions' snippets in order, each session followed (when asked) by its end, which runs even when cancelled.</summary>
    private async Task<ImmutableArray<ImmutableArray<RunResult>>> RunAllAsync(IReadOnlyList<IReadOnlyList<RunRequest>> sessions,
        bool endSessions, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        CheckRequests(sessions);
        cancellationToken.ThrowIfCancellationRequested();
        var (calls, snippets) = Calls(sessions, endSessions);
        if (calls.Length == 0)
            return [.. sessions.Select(_ => ImmutableArray<RunResult>.Empty)];
        CallOutcome[] outcomes;
        await using (cancellationToken.Register(CancelSnippets))
            outcomes = await runtime.CallAsync(calls);
        cancellationToken.ThrowIfCancellationRequested();
        return Results(sessions, outcomes, snippets);

        void CancelSnippets()
        {
            foreach (var index in snippets)
                calls[index].Cancel(); // not the sessions' ends: they run anyway
        }
    }

    private static void CheckRequests(IReadOnlyList<IReadOnlyList<RunRequest>> sessions)
    {
        foreach (var requests in sessions)
        {
            for (var i = 0; i < requests.Count; i++) // no enumerator for each session: a build has thousands
            {
                var request = requests[i];
                ArgumentOutOfRangeException.ThrowIfLessThan(request.FirstLine, 1, nameof(sessions));
                if (request.Timeout <= TimeSpan.Zero && request.Timeout != Timeout.InfiniteTimeSpan)
                    throw new ArgumentOutOfRangeException(nameof(sessions), request.Timeout, "a snippet's timeout must be positive");
            }
        }
    }

    /// <summary>A call of run() for each snippet, then (when asked) one of end_session() per session; where the snippets' calls are.</summary>
    private (PythonCall[] Calls, List<int> Snippets) Calls(IReadOnlyList<IReadOnlyList<RunRequest>> sessions, bool endSessions)
    {
        var calls = new List<PythonCall>();
        var snippets = new List<int>();
        foreach (var requests in sessions)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                snippets.Add(calls.Count);
                calls.Add(new PythonCall(runtime, runtime.Run, new HostArguments(id, Snippet: requests[i]), requests[i].Timeout, expectReply: true));
            }

            if (endSessions && requests.Count > 0)
                calls.Add(EndSessionCall(requests[0].SessionId));
        }

        return ([.. calls], snippets);
    }

    private static ImmutableArray<ImmutableArray<RunResult>> Results(IReadOnlyList<IReadOnlyList<RunRequest>> sessions, CallOutcome[] outcomes,
        List<int> snippets)
    {
        var all = ImmutableArray.CreateBuilder<ImmutableArray<RunResult>>(sessions.Count);
        var next = 0;
        foreach (var requests in sessions)
        {
            var results = ImmutableArray.CreateBuilder<RunResult>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
                results.Add(ToResult(outcomes[snippets[next++]], requests[i].Timeout));
            all.Add(results.MoveToImmutable());
        }

        return all.MoveToImmutable();
    }

    private PythonCall EndSessionCall(string sessionId) =>
        new(runtime, runtime.EndSession, new HostArguments(id, SessionId: sessionId), HousekeepingTimeout, expectReply: false);

    private static RunResult ToResult(CallOutcome outcome, TimeSpan timeout)
    {
        var reply = outcome.Reply;
        var (output, truncated) = Cap(reply?.Output ?? [], reply?.Truncated ?? false);
        var result = new RunResult { Output = output, Truncated = truncated, Duration = outcome.Duration };
        if (outcome.TimedOut || reply?.Error?.Timeout == true)
            return result with { Error = TimedOut(outcome, reply?.Error, timeout) };
        if (reply is null)
        {
            var failure = new RunError(RunErrorKind.EngineFailure, "EngineFailure", $"the Python snippet host failed: {outcome.Failure}", "", []);
            return result with { Error = failure };
        }

        if (reply.Error is not { } error)
            return result;
        var name = error.Name ?? "Exception";
        return result with { Error = new RunError(RunErrorKind.Exception, name, error.Message ?? "", error.Trace ?? "", error.Types ?? [name]) };
    }

    private static RunError TimedOut(CallOutcome outcome, HostError? error, TimeSpan timeout)
    {
        var message = $"timed out after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
        // Where the snippet was stopped, when the host saw the SnippetTimeout itself.
        var trace = (error is { Timeout: true, Trace: { } stack } ? stack : "") + $"TimeoutError: {message}\n";
        if (outcome.Abandoned)
        {
            trace += outcome.Started
                ? $"The snippet did not stop within {PythonCall.Grace.TotalSeconds:0} s of its timeout; its thread was left running.\n"
                : "It never started: another snippet kept the Python interpreter (the GIL) busy.\n";
        }

        return new RunError(RunErrorKind.Timeout, "TimeoutError", message, trace, ["TimeoutError"]);
    }

    /// <summary>The host caps output at OutputLimit code points; .NET counts UTF-16 units, so trim what is still over.</summary>
    private static (ImmutableArray<OutputChunk> Output, bool Truncated) Cap(ImmutableArray<OutputChunk> output, bool truncated)
    {
        var total = 0L;
        foreach (var chunk in output) // not Sum(): that boxes the array
            total += chunk.Text.Length;
        if (total <= RunResult.OutputLimit)
            return (output, truncated);

        var kept = ImmutableArray.CreateBuilder<OutputChunk>();
        var room = RunResult.OutputLimit;
        foreach (var chunk in output)
        {
            if (room == 0)
                break;
            var length = Math.Min(room, chunk.Text.Length);
            if (length < chunk.Text.Length && char.IsHighSurrogate(chunk.Text[length - 1]))
                length--; // do not split a surrogate pair
            kept.Add(chunk with { Text = chunk.Text[..length] });
            room = length < chunk.Text.Length ? 0 : room - length;
        }

        return (kept.ToImmutable(), true);
    }
}
