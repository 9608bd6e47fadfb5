using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Site.Snippets.Engines.Node;

/// <summary>
/// One long-lived Node process (node/snippet-worker.js) and the sessions that live in it, one vm context each.
/// Requests go to the worker one batch at a time, so a snippet that blocks Node's event loop is the one being waited
/// for: past its timeout + <see cref="NodeEngine.WatchdogGrace"/> the worker is killed and the snippet reported as
/// timed out. The next request starts a new worker; a session that was alive before gets its state back by replaying
/// its snippets that had completed (their output discarded).
/// </summary>
internal sealed class NodeLane
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, Session> sessions = [];
    private readonly string? workingDirectory;
    private NodeWorker? worker;
    private int generation;
    private long nextId;
    private volatile bool disposed;

    /// <summary>A lane whose worker is <paramref name="worker"/>, or (null) is started when first needed.</summary>
    public NodeLane(NodeWorker? worker, string? workingDirectory)
    {
        this.worker = worker;
        this.workingDirectory = workingDirectory;
    }

    /// <summary>How many sessions the engine has placed here and not ended.</summary>
    public int Sessions { get; set; }

    /// <summary>
    /// Sends the snippets in one write, so the worker runs them one after another without waiting for us, and yields
    /// each result as it comes. When the worker dies or is killed under one, the rest go to a new worker.
    /// </summary>
    public async IAsyncEnumerable<RunResult> RunAllAsync(IReadOnlyList<RunRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        NodeWorker? holding = null; // a worker with requests of ours it has not answered yet
        try
        {
            var next = 0;
            while (next < requests.Count)
            {
                ObjectDisposedException.ThrowIf(disposed, typeof(NodeEngine));
                var started = Stopwatch.GetTimestamp();
                var rest = requests.Skip(next).ToList();
                var (live, wire, problem) = await SendAsync(rest, cancellationToken);
                if (live is null)
                {
                    next++;
                    yield return Failed(RunErrorKind.EngineFailure, "EngineFailure", problem!, Stopwatch.GetElapsedTime(started));
                    continue;
                }

                holding = live;
                var unanswered = wire!.Count;
                foreach (var (request, sent) in rest.Zip(wire))
                {
                    var result = await ReceiveAsync(live, request, sent, started, cancellationToken);
                    started = Stopwatch.GetTimestamp();
                    if (--unanswered == 0)
                        holding = null;
                    next++;
                    if (result.Error is null)
                        sessions[request.SessionId].History.Add(request);
                    yield return result;
                    if (worker != live)
                        break; // it was killed: the rest go to a new one
                }

                holding = null;
            }
        }
        finally
        {
            if (holding is not null && worker == holding)
                Retire(holding); // the caller stopped early: its answers would be out of step with the next caller's
            gate.Release();
        }
    }

    public async Task EndSessionAsync(string sessionId)
    {
        await gate.WaitAsync();
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
            gate.Release();
        }
    }

    public void Dispose()
    {
        // Without the gate: a snippet that hangs must not hold up the end of the build.
        disposed = true;
        Interlocked.Exchange(ref worker, null)?.Dispose();
    }

    /// <summary>
    /// Sends requests to a live worker in which their sessions have their state (restored when an earlier worker died),
    /// starting one when there is none: the worker and what was sent, or null and why nothing could be.
    /// </summary>
    private async Task<(NodeWorker? Live, List<WorkerRequest>? Sent, string? Problem)> SendAsync(List<RunRequest> requests, CancellationToken cancellationToken)
    {
        NodeWorker? live = null;
        try
        {
            while (true)
            {
                if (worker is { HasExited: true } dead)
                    Retire(dead); // it died between snippets: its sessions need restoring too
                live = await LiveWorkerAsync(cancellationToken);
                foreach (var id in requests.Select(r => r.SessionId).Distinct())
                {
                    if (worker != live)
                        break; // a replay killed it
                    if (!sessions.TryGetValue(id, out var session))
                        sessions[id] = new Session(generation);
                    else if (session.Generation != generation)
                        await RestoreAsync(session, live, cancellationToken);
                }

                if (worker == live)
                {
                    var wire = requests.Select(r => Wire(r, quiet: false)).ToList();
                    live.Send(wire);
                    return (live, wire, null);
                }
            }
        }
        catch (NodeUnavailableException e)
        {
            return (null, null, e.Message);
        }
        catch (NodeWorkerExitedException e)
        {
            Retire(live!);
            return (null, null, $"The JavaScript snippet worker failed: {e.Message}");
        }
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

    /// <summary>Rebuilds a session's state in a new worker by replaying the snippets that had completed in the old one.</summary>
    private async Task RestoreAsync(Session session, NodeWorker live, CancellationToken cancellationToken)
    {
        session.Generation = generation;
        var replays = session.History.ToList();
        if (replays.Count == 0)
            return;

        var started = Stopwatch.GetTimestamp();
        var wire = replays.Select(r => Wire(r, quiet: true)).ToList();
        try
        {
            live.Send(wire);
            foreach (var (request, sent) in replays.Zip(wire))
            {
                var replay = await ReceiveAsync(live, request, sent, started, cancellationToken);
                started = Stopwatch.GetTimestamp();
                if (worker != live)
                    break;
                if (replay.Error is not null)
                    session.History.Remove(request);
            }
        }
        catch (NodeWorkerExitedException)
        {
            Retire(live);
        }

        if (worker != live)
            session.History.Clear(); // the replay itself killed the worker: give up on this session's past rather than loop
    }

    private async Task<NodeWorker> LiveWorkerAsync(CancellationToken cancellationToken)
    {
        if (worker is { HasExited: false } live)
            return live;
        if (worker is not null)
            Retire(worker);
        live = await NodeWorker.StartAsync(workingDirectory, cancellationToken);
        if (disposed)
        {
            live.Dispose(); // DisposeAsync ran meanwhile (it does not wait for the gate)
            throw new ObjectDisposedException(nameof(NodeEngine));
        }

        worker = live;
        return live;
    }

    /// <summary>Kills a worker; every session's state in it is gone, so the next worker is a new generation.</summary>
    private void Retire(NodeWorker old)
    {
        if (Interlocked.CompareExchange(ref worker, null, old) == old)
            generation++;
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
}
