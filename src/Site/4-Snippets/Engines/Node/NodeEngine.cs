using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Site.Core;

namespace Site.Snippets.Engines.Node;

/// <summary>
/// Runs JavaScript snippets in long-lived Node processes (node/snippet-worker.js), one vm context per session. Each
/// worker is a <see cref="NodeLane"/>; a session stays in the lane it started in, and a new one goes to the lane with
/// the fewest sessions, so that sessions run side by side in the workers.
/// </summary>
internal sealed class NodeEngine : ISnippetEngine
{
    /// <summary>How much longer than a snippet's timeout the worker gets before it is killed.</summary>
    public static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(2);

    /// <summary>One worker per core, up to four: a worker runs one snippet at a time.</summary>
    public static int DefaultWorkers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    // Workers started ahead of an engine (WarmUp), by node executable and working directory.
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Task<NodeWorker>>> Warm = new();

    private readonly NodeLane[] lanes;
    private readonly Dictionary<string, NodeLane> sessionLanes = [];

    private NodeEngine(NodeWorker first, IEnumerable<Task<NodeWorker>> others, string? workingDirectory)
    {
        lanes = [new NodeLane(Task.FromResult(first), workingDirectory), .. others.Select(other => new NodeLane(other, workingDirectory))];
        Runtime = "Node " + first.Version;
    }

    public SnippetLanguage Language => SnippetLanguage.JavaScript;

    public string Runtime { get; }

    /// <summary>Two sessions per worker: while the worker runs one, the next is already written to it.</summary>
    public int MaxParallelSessions => 2 * lanes.Length;

    /// <summary>
    /// Starts the workers, all at once, and returns when the first is ready; snippets run in <paramref name="workingDirectory"/>
    /// (null: the current directory), where <c>require</c> and relative paths start. Throws
    /// <see cref="NodeUnavailableException"/> when Node cannot be run.
    /// </summary>
    public static async Task<NodeEngine> StartAsync(string? workingDirectory = null, int workers = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var starts = Enumerable.Range(0, workers).Select(_ => WarmOrNewAsync(workingDirectory, cancellationToken)).ToList();
        try
        {
            return new(await starts[0], starts.Skip(1), workingDirectory);
        }
        catch
        {
            foreach (var other in starts.Skip(1))
                _ = other.ContinueWith(started => started.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            throw;
        }
    }

    /// <summary>
    /// Starts up to <paramref name="workers"/> workers ahead of the engine that will take them (<see cref="StartAsync"/> with
    /// the same directory), since each takes 0.1 s and more to start. Unused, they wait (and end with the build's process).
    /// </summary>
    public static void WarmUp(int workers, string? workingDirectory = null)
    {
        var queue = Warm.GetOrAdd(WarmKey(workingDirectory), _ => new());
        lock (queue)
        {
            while (queue.Count < workers)
                queue.Enqueue(NodeWorker.StartAsync(workingDirectory, CancellationToken.None));
        }
    }

    /// <summary>A worker started ahead (<see cref="WarmUp"/>) if there is a live one, else a new one.</summary>
    private static async Task<NodeWorker> WarmOrNewAsync(string? workingDirectory, CancellationToken cancellationToken)
    {
        while (Warm.TryGetValue(WarmKey(workingDirectory), out var queue) && queue.TryDequeue(out var warm))
        {
            try
            {
                var worker = await warm.WaitAsync(cancellationToken);
                if (!worker.HasExited)
                    return worker;
                worker.Dispose();
            }
            catch (NodeUnavailableException)
            {
                // A new start says what is wrong now.
            }
        }

        return await NodeWorker.StartAsync(workingDirectory, cancellationToken);
    }

    private static string WarmKey(string? workingDirectory) => $"{NodeTools.Executable}\0{Path.GetFullPath(workingDirectory ?? ".")}";

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await foreach (var result in RunAllAsync([request], cancellationToken))
            return result;
        throw new UnreachableException();
    }

    /// <summary>Runs snippets of one session in its lane's worker, sent in one write; yields each result as it comes.</summary>
    public async IAsyncEnumerable<RunResult> RunAllAsync(IReadOnlyList<RunRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
            yield break;
        if (requests.Any(r => r.SessionId != requests[0].SessionId))
            throw new ArgumentException("Expected the snippets of one session.", nameof(requests));
        await foreach (var result in LaneOf(requests[0].SessionId).RunAllAsync(requests, cancellationToken))
            yield return result;
    }

    public async Task EndSessionAsync(string sessionId)
    {
        NodeLane? lane;
        lock (sessionLanes)
        {
            if (sessionLanes.Remove(sessionId, out lane))
                lane.Sessions--;
        }

        if (lane is not null)
            await lane.EndSessionAsync(sessionId);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var lane in lanes)
            lane.Dispose();
        return ValueTask.CompletedTask;
    }

    private NodeLane LaneOf(string sessionId)
    {
        lock (sessionLanes)
        {
            if (!sessionLanes.TryGetValue(sessionId, out var lane))
            {
                sessionLanes[sessionId] = lane = lanes.MinBy(l => l.Sessions)!;
                lane.Sessions++;
            }

            return lane;
        }
    }
}
