using System.Collections.Concurrent;

namespace Site.Snippets.Engines.Python;

/// <summary>
/// Long-lived threads that run batches of <see cref="PythonCall"/>s from one queue, a batch's calls one after another on
/// one thread (so a build's snippets need no thread hop between them). Each keeps its Python thread state for life and
/// takes the GIL per call. A worker whose call is abandoned retires when (if ever) the call returns; a new one replaces
/// it, and the rest of its batch goes back on the queue.
/// </summary>
internal sealed class PythonWorkers
{
    /// <summary>Abandoned calls still running past which Python is considered wedged and calls are refused.</summary>
    public const int StuckLimit = 8;

    private readonly BlockingCollection<PythonCall[]> queue = [];
    private readonly PythonApi api;
    private int stuck;

    public PythonWorkers(PythonApi api, int count)
    {
        this.api = api;
        for (var i = 0; i < count; i++)
            StartWorker();
    }

    /// <summary>Queues calls to run in order on one worker.</summary>
    public void Enqueue(PythonCall[] calls)
    {
        if (Volatile.Read(ref stuck) < StuckLimit)
        {
            queue.Add(calls);
            return;
        }

        foreach (var call in calls)
            call.Refuse($"{StuckLimit} Python snippets are still stuck past their timeouts, so Python snippets no longer run in this process");
    }

    /// <summary>A call was abandoned: its worker is stuck, so another takes its place.</summary>
    public void ReplaceAbandoned()
    {
        Interlocked.Increment(ref stuck);
        StartWorker();
    }

    /// <summary>Python's usual main-thread stack: deep recursion through C code needs more than .NET's default.</summary>
    private const int StackSize = 8 << 20;

    private void StartWorker() => new Thread(Work, StackSize) { IsBackground = true, Name = "Python snippets" }.Start();

    private unsafe void Work()
    {
        var gil = api.PyGILState_Ensure(); // creates this thread's Python thread state, kept while the thread lives
        var ident = api.PyThread_get_thread_ident();
        var state = api.PyEval_SaveThread();
        using (var watchdog = new Watchdog())
        {
            foreach (var calls in queue.GetConsumingEnumerable())
            {
                if (!ExecuteAll(calls, ident, watchdog))
                    break;
            }
        }

        // Abandoned, and the call has returned at last: a replacement already took this worker's place.
        Interlocked.Decrement(ref stuck);
        api.PyEval_RestoreThread(state);
        api.PyGILState_Release(gil);
    }

    /// <summary>False when a call was abandoned: the worker must retire, and the calls after it are not its own any more.</summary>
    private static bool ExecuteAll(PythonCall[] calls, nuint ident, Watchdog watchdog)
    {
        for (var i = 0; i < calls.Length; i++)
        {
            if (!calls[i].Execute(ident, new ArraySegment<PythonCall>(calls, i + 1, calls.Length - i - 1), watchdog))
                return false;
        }

        return true;
    }
}
