using System.Collections.Immutable;
using System.Diagnostics;

namespace Site.Snippets.Engines.Node;

/// <summary>
/// Runs JavaScript snippets in one long-lived Node process (node/snippet-worker.js), one vm context per session.
/// Requests go to the worker one at a time, so a snippet that blocks Node's event loop is the one being waited for:
/// past its timeout + <see cref="WatchdogGrace"/> the worker is killed and the snippet reported as timed out. The next
/// request starts a new worker; a session that was alive before gets its state back by replaying its snippets that
/// had completed (their output discarded).
/// </summary>
internal sealed class NodeEngine : ISnippetEngine
{
    /// <summary>How much longer than a snippet's timeout the worker gets before it is killed.</summary>
    public static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, Session> sessions = [];
    private readonly string? workingDirectory;
    private NodeWorker? worker;
    private int generation;
    private long nextId;
    private volatile bool disposed;

    private NodeEngine(NodeWorker worker, string? workingDirectory)
    {
        this.worker = worker;
        this.workingDirectory = workingDirectory;
        Runtime = "Node " + worker.Version;
    }

    public SnippetLanguage Language => SnippetLanguage.JavaScript;

    public string Runtime { get; }

    /// <summary>
    /// Starts the worker; snippets run in <paramref name="workingDirectory"/> (null: the current directory), where
    /// <c>require</c> and relative paths start. Throws <see cref="NodeUnavailableException"/> when Node cannot be run.
    /// </summary>
    public static async Task<NodeEngine> StartAsync(string? workingDirectory = null, CancellationToken cancellationToken = default) =>
        new(await NodeWorker.StartAsync(workingDirectory, cancellationToken), workingDirectory);

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!sessions.TryGetValue(request.SessionId, out var session))
                sessions[request.SessionId] = session = new Session(generation);

            if (worker is { HasExited: true } dead)
                Retire(dead); // it died between snippets: its sessions need restoring too
            if (session.Generation != generation)
                await RestoreAsync(session, cancellationToken);

            var result = await SendAsync(request, quiet: false, cancellationToken);
            if (result.Error is null)
                session.History.Add(request);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task EndSessionAsync(string sessionId)
    {
        await gate.WaitAsync();
        try
        {
            if (sessions.Remove(sessionId, out var session) && session.Generation == generation && worker is { HasExited: false } live)
                live.Send(new WorkerRequest("end", 0, sessionId, null, null, 0, 0, false));
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

    public ValueTask DisposeAsync()
    {
        // Without the gate: a snippet that hangs must not hold up the end of the build.
        disposed = true;
        Interlocked.Exchange(ref worker, null)?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs one snippet in the worker, starting the worker first when there is none.</summary>
    private async Task<RunResult> SendAsync(RunRequest request, bool quiet, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        NodeWorker live;
        try
        {
            live = await LiveWorkerAsync(cancellationToken);
        }
        catch (NodeUnavailableException e)
        {
            return Failed(RunErrorKind.EngineFailure, "EngineFailure", e.Message, Stopwatch.GetElapsedTime(started));
        }

        var timeoutMs = (int)Math.Clamp(Math.Ceiling(request.Timeout.TotalMilliseconds), 1, int.MaxValue);
        var wire = new WorkerRequest("run", ++nextId, request.SessionId, request.Code, request.FileName, request.FirstLine, timeoutMs, quiet);
        WorkerResponse? response;
        try
        {
            response = await live.RunAsync(wire, TimeSpan.FromMilliseconds(timeoutMs) + WatchdogGrace, cancellationToken);
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

    /// <summary>Rebuilds a session's state in a new worker from the snippets that had completed in the old one.</summary>
    private async Task RestoreAsync(Session session, CancellationToken cancellationToken)
    {
        try
        {
            await LiveWorkerAsync(cancellationToken);
        }
        catch (NodeUnavailableException)
        {
            return; // the request itself reports it
        }

        var start = generation;
        foreach (var earlier in session.History.ToList())
        {
            var replay = await SendAsync(earlier, quiet: true, cancellationToken);
            if (generation != start)
            {
                // The replay itself killed the worker: give up on this session's past rather than loop.
                session.History.Clear();
                break;
            }

            if (replay.Error is not null)
                session.History.Remove(earlier);
        }

        session.Generation = generation;
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
