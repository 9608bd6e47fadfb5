using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Site.Snippets.Engines.Node;

/// <summary>
/// One long-lived Node process (node/snippet-worker.js) and the sessions that live in it, one vm context each.
/// A batch of requests is written as soon as it comes (the worker queues it), and batches read their answers in turn,
/// in the order they were written: the worker has the next batch before it is done with one. The answer due is
/// waited for at most its snippet's timeout + <see cref="NodeEngine.WatchdogGrace"/>, counted from the answer before
/// it: a snippet that blocks Node's event loop is the one being waited for, so the worker is killed and the snippet
/// reported as timed out. What the killed worker had not run goes to a new worker; a session that was alive before
/// gets its state back by replaying its snippets that had completed (their output discarded), in the same write.
/// </summary>
internal sealed class NodeLane
{
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Dictionary<string, Session> sessions = [];
    private readonly string? workingDirectory;
    private NodeWorker? worker;
    private Task<NodeWorker>? starting; // the first worker, started with the engine
    private int generation;
    private long nextId;
    private Task lastTurn = Task.CompletedTask; // done when the batch written last has read its answers
    private volatile bool disposed;

    /// <summary>A lane whose first worker is <paramref name="starting"/>.</summary>
    public NodeLane(Task<NodeWorker> starting, string? workingDirectory)
    {
        this.starting = starting;
        this.workingDirectory = workingDirectory;
    }

    /// <summary>How many sessions the engine has placed here and not ended.</summary>
    public int Sessions { get; set; }

    /// <summary>Sends the snippets in one write and yields each result as it comes; see the class summary.</summary>
    public async IAsyncEnumerable<RunResult> RunAllAsync(IReadOnlyList<RunRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = 0;
        while (next < requests.Count)
        {
            var started = Stopwatch.GetTimestamp();
            var rest = requests.Skip(next).ToList();
            var batch = await SendAsync(rest, cancellationToken);
            if (batch.Problem is { } problem)
            {
                next++;
                yield return Failed(RunErrorKind.EngineFailure, "EngineFailure", problem, Stopwatch.GetElapsedTime(started));
                continue;
            }

            var live = batch.Live!;
            NodeWorker? holding = live; // a worker with requests of ours it has not answered yet
            try
            {
                await batch.Before;
                if (live.Killed)
                    continue; // killed under an earlier batch: it ran nothing of this one
                started = Stopwatch.GetTimestamp();
                if (!await ReplayAsync(live, batch.Replays, started, cancellationToken))
                    continue; // a replay killed it
                started = Stopwatch.GetTimestamp();

                var unanswered = rest.Count;
                foreach (var (request, sent, session) in rest.Zip(batch.Sent, batch.Sessions))
                {
                    var result = await ReceiveAsync(live, request, sent, started, cancellationToken);
                    started = Stopwatch.GetTimestamp();
                    if (--unanswered == 0)
                    {
                        holding = null;
                        batch.Turn.TrySetResult(); // the next batch may read its answers while this one hands out its last
                    }
                    next++;
                    if (result.Error is null)
                        session.History.Add(request);
                    yield return result;
                    if (worker != live)
                        break; // it was killed: the rest go to a new one
                }
            }
            finally
            {
                if (holding is not null && worker == holding)
                    Retire(holding); // the caller stopped early: its answers would be out of step with the next batch's
                batch.Turn.TrySetResult();
            }
        }
    }

    public async Task EndSessionAsync(string sessionId)
    {
        await writing.WaitAsync();
        try
        {
            if (sessions.Remove(sessionId, out var session) && session.Generation == generation && worker is { HasExited: false } live)
                live.Post(new WorkerRequest("end", 0, sessionId, null, null, 0, 0, false));
        }
        catch (NodeWorkerExitedException)
        {
            // Its state went with the worker.
        }
        finally
        {
            writing.Release();
        }
    }

    public void Dispose()
    {
        // Without waiting for anything: a snippet that hangs must not hold up the end of the build.
        disposed = true;
        Interlocked.Exchange(ref worker, null)?.Dispose();
        Interlocked.Exchange(ref starting, null)?.ContinueWith(started => started.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
    }

    /// <summary>
    /// Writes a batch to a live worker, starting one when there is none, after the replays that give its sessions their
    /// state back in a new worker; or says why nothing could be written.
    /// </summary>
    private async Task<Batch> SendAsync(List<RunRequest> requests, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        NodeWorker? live = null;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, typeof(NodeEngine));
            if (worker is { HasExited: true } dead)
                Retire(dead); // it died between snippets: its sessions need restoring too
            live = await LiveWorkerAsync(cancellationToken);
            var replays = new List<(Session, RunRequest, WorkerRequest)>();
            foreach (var id in requests.Select(r => r.SessionId).Distinct())
            {
                if (!sessions.TryGetValue(id, out var session))
                    sessions[id] = new Session(generation);
                else if (session.Generation != generation)
                {
                    session.Generation = generation;
                    replays.AddRange(session.History.Select(r => (session, r, Wire(r, quiet: true))));
                }
            }

            var sent = requests.Select(r => Wire(r, quiet: false)).ToList();
            live.Send(replays.Select(r => r.Item3).Concat(sent));
            var turn = new TaskCompletionSource();
            var before = lastTurn;
            lastTurn = turn.Task;
            return new Batch(live, replays, sent, [.. requests.Select(r => sessions[r.SessionId])], before, turn, null);
        }
        catch (NodeUnavailableException e)
        {
            return Batch.Failed(e.Message);
        }
        catch (NodeWorkerExitedException e)
        {
            Retire(live!);
            return Batch.Failed($"The JavaScript snippet worker failed: {e.Message}");
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Reads the answers to a batch's replays: false when one killed the worker (its session then starts afresh).</summary>
    private async Task<bool> ReplayAsync(NodeWorker live, List<(Session Session, RunRequest Request, WorkerRequest Sent)> replays, long started,
        CancellationToken cancellationToken)
    {
        foreach (var (session, request, sent) in replays)
        {
            var replay = await ReceiveAsync(live, request, sent, started, cancellationToken);
            started = Stopwatch.GetTimestamp();
            if (worker != live)
            {
                session.History.Clear(); // give up on this session's past rather than loop
                return false;
            }

            if (replay.Error is not null)
                session.History.Remove(request);
        }

        return true;
    }

    private WorkerRequest Wire(RunRequest request, bool quiet)
    {
        var timeoutMs = (int)Math.Clamp(Math.Ceiling(request.Timeout.TotalMilliseconds), 1, int.MaxValue);
        return new WorkerRequest("run", ++nextId, request.SessionId, request.Code, request.FileName, request.FirstLine, timeoutMs, quiet);
    }

    /// <summary>Waits for the worker's answer to a request it began at <paramref name="started"/>; kills a worker that stays busy past the snippet's timeout.</summary>
    private async Task<RunResult> ReceiveAsync(NodeWorker live, RunRequest request, WorkerRequest sent, long started, CancellationToken cancellationToken)
    {
        WorkerResponse? response;
        try
        {
            var wait = TimeSpan.FromMilliseconds(sent.TimeoutMs) + NodeEngine.WatchdogGrace - Stopwatch.GetElapsedTime(started);
            response = await live.ReceiveAsync(sent.Id, wait, cancellationToken);
        }
        catch (NodeWorkerExitedException e)
        {
            Retire(live);
            return Failed(RunErrorKind.EngineFailure, "EngineFailure", $"The JavaScript snippet worker failed: {e.Message}", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            Retire(live); // it is still running the snippet: its next answer would be out of step
            throw;
        }

        if (response is null)
        {
            // Stuck in the event loop (a runaway callback): only killing the process stops it.
            Retire(live);
            var message = FormattableString.Invariant($"timed out after {request.Timeout.TotalSeconds:0.###} s");
            return Failed(RunErrorKind.Timeout, "TimeoutError", message, Stopwatch.GetElapsedTime(started),
                $"TimeoutError: {message} (Node's event loop stayed busy, so the worker was restarted)");
        }

        return new RunResult
        {
            Output = response.Output is { } output ? [.. output.Select(c => new OutputChunk(c.Stream == 1 ? OutputStream.Stderr : OutputStream.Stdout, c.Text))] : [],
            Truncated = response.Truncated,
            Error = response.Error is { } error
                ? new RunError(error.Kind == "timeout" ? RunErrorKind.Timeout : RunErrorKind.Exception, error.Name, error.Message, error.Trace, [.. error.TypeNames])
                : null,
            Duration = Stopwatch.GetElapsedTime(started),
        };
    }

    private async Task<NodeWorker> LiveWorkerAsync(CancellationToken cancellationToken)
    {
        if (worker is { HasExited: false } live)
            return live;
        if (worker is not null)
            Retire(worker);
        live = await (Interlocked.Exchange(ref starting, null) ?? NodeWorker.StartAsync(workingDirectory, cancellationToken));
        if (disposed)
        {
            live.Dispose(); // Dispose ran meanwhile (it does not wait for anything)
            throw new ObjectDisposedException(nameof(NodeEngine));
        }

        worker = live;
        return live;
    }

    /// <summary>Kills a worker; every session's state in it is gone, so the next worker is a new generation.</summary>
    private void Retire(NodeWorker old)
    {
        if (Interlocked.CompareExchange(ref worker, null, old) == old)
            Interlocked.Increment(ref generation);
        old.Dispose();
    }

    private static RunResult Failed(RunErrorKind kind, string name, string message, TimeSpan duration, string? trace = null) => new()
    {
        Error = new RunError(kind, name, message, trace ?? $"{name}: {message}", [name]),
        Duration = duration,
    };

    /// <summary>A session: the worker generation its vm context lives in, and the snippets that built its state.</summary>
    private sealed class Session(int generation)
    {
        public int Generation { get; set; } = generation;

        public List<RunRequest> History { get; } = [];
    }

    /// <summary>
    /// A written batch: its replays and requests (with their sessions), the turn of the batch before it, and its own
    /// turn, to be done once it has read its answers. Or, with nothing written, the problem.
    /// </summary>
    private sealed record Batch(
        NodeWorker? Live,
        List<(Session Session, RunRequest Request, WorkerRequest Sent)> Replays,
        List<WorkerRequest> Sent,
        List<Session> Sessions,
        Task Before,
        TaskCompletionSource Turn,
        string? Problem)
    {
        public static Batch Failed(string problem) => new(null, [], [], [], Task.CompletedTask, new TaskCompletionSource(), problem);
    }
}
