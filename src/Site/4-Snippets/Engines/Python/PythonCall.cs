using System.Diagnostics;

namespace Site.Snippets.Engines.Python;

/// <summary>
/// One call of a host function on a worker thread, with its watchdog. When the timeout passes, the watchdog raises
/// SnippetTimeout in the worker's thread (PyThreadState_SetAsyncExc), again every 100 ms while the call goes on, so a
/// snippet that swallows it with a bare <c>except:</c> gets it again. If the call still has not returned
/// <see cref="Grace"/> after the timeout, the caller gets a timeout result anyway and the worker is abandoned.
/// </summary>
/// <remarks>
/// Lock order: the GIL, then <see cref="gate"/>. Nothing that holds <see cref="gate"/> waits for the GIL.
/// </remarks>
internal sealed unsafe class PythonCall(PythonRuntime runtime, nint function, HostArguments arguments, TimeSpan timeout, bool expectReply)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<CallOutcome> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private long startedAt; // a Stopwatch timestamp
    private TimeSpan dueAt = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : timeout; // zero once cancelled
    private TimeSpan giveUpAt = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : timeout + Grace;
    private Watchdog? watchdog;
    private ArraySegment<PythonCall> rest; // the calls after this one in its batch: its worker runs them next
    private nuint thread;
    private bool taken, running, finished, timedOut, abandoned;
    private int interrupting;

    public Task<CallOutcome> Task => completion.Task;

    /// <summary>
    /// Runs the call on the current worker thread, which then runs <paramref name="rest"/> of its batch; the worker's
    /// <paramref name="timer"/> watches it meanwhile. Returns false when it was abandoned: the worker must retire, and the
    /// rest of the batch went back on the queue.
    /// </summary>
    public bool Execute(nuint threadIdent, ArraySegment<PythonCall> rest, Watchdog timer)
    {
        lock (gate)
        {
            if (Task.IsCompleted) // cancelled or refused while queued
                return true;
            taken = true;
            thread = threadIdent;
            this.rest = rest;
            // The clock runs from here, so time spent waiting for the GIL counts: a stuck GIL still times out.
            startedAt = Stopwatch.GetTimestamp();
            watchdog = timer;
            timer.Watch(this, Until(dueAt));
        }

        var api = runtime.Api;
        HostReply? reply = null;
        string? failure = null;
        var gil = api.PyGILState_Ensure();
        try
        {
            lock (gate)
                running = !timedOut && !abandoned;
            if (running)
                (reply, failure) = Invoke(api);
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {e.Message}"; // a bug here must not end the worker thread, and the process with it
        }
        finally
        {
            lock (gate)
            {
                finished = true;
                if (timedOut && running)
                    api.PyThreadState_SetAsyncExc(thread, 0); // a SnippetTimeout that came too late to be raised
            }

            api.PyGILState_Release(gil);
        }

        timer.Stop();
        lock (gate)
        {
            if (abandoned)
                return false;
        }

        completion.TrySetResult(new CallOutcome(reply, failure, timedOut, Abandoned: false, running, Elapsed));
        return true;
    }

    /// <summary>Stops the call soon, like a timeout that has just passed; a call still queued ends at once, never started.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            if (!taken)
            {
                completion.TrySetResult(new CallOutcome(null, "cancelled", TimedOut: true, Abandoned: false, Started: false, TimeSpan.Zero));
                return;
            }

            if (finished)
                return;
            var now = Elapsed;
            giveUpAt = now + Grace < giveUpAt ? now + Grace : giveUpAt;
            dueAt = TimeSpan.Zero;
            watchdog!.Watch(this, TimeSpan.Zero); // still this call's: its worker moves on only once it is finished
        }
    }

    /// <summary>Ends the call with an engine failure before it runs (the engine refuses to queue it).</summary>
    public void Refuse(string reason) =>
        completion.TrySetResult(new CallOutcome(null, reason, TimedOut: false, Abandoned: false, Started: false, TimeSpan.Zero));

    private TimeSpan Elapsed => Stopwatch.GetElapsedTime(startedAt);

    /// <summary>How long until a time of the call's clock, for a timer (infinite for never).</summary>
    private TimeSpan Until(TimeSpan at) => at == TimeSpan.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Max((at - Elapsed).Ticks, 0));

    private (HostReply? Reply, string? Failure) Invoke(PythonApi api)
    {
        var tuple = arguments.ToTuple(api);
        var result = api.PyObject_CallObject(function, tuple);
        lock (gate)
            finished = true; // from here on the watchdog leaves this thread alone
        api.Py_DecRef(tuple);
        if (result == 0)
            return (null, api.TakeError());
        try
        {
            return (expectReply ? HostReply.Read(api, result) : null, null);
        }
        finally
        {
            api.Py_DecRef(result);
        }
    }

    /// <summary>The watchdog fired while this call was its worker's.</summary>
    public void OnWatchdog()
    {
        CallOutcome? giveUp = null;
        bool interrupt;
        lock (gate)
        {
            if (finished)
                return;
            if (Elapsed < dueAt)
            {
                // A tick set for the call before this one, or a little early (the timer's clock is coarser): wait for the time.
                watchdog!.Watch(this, Until(dueAt));
                return;
            }

            timedOut = true;
            if (!abandoned && Elapsed >= giveUpAt)
            {
                abandoned = true;
                giveUp = new CallOutcome(null, null, TimedOut: true, Abandoned: true, running, Elapsed);
            }

            interrupt = running; // a call still waiting for the GIL will not start now
        }

        if (giveUp is not null)
        {
            runtime.Workers.ReplaceAbandoned();
            completion.TrySetResult(giveUp.Value);
            if (rest.Count > 0)
                runtime.Workers.Enqueue([.. rest]); // the stuck worker will not run them: it retires if the call ever returns
        }

        if (interrupt)
            Interrupt();
    }

    private void Interrupt()
    {
        // One interrupter at a time: it can wait long for the GIL when a snippet is stuck in C code that holds it.
        if (Interlocked.Exchange(ref interrupting, 1) == 1)
            return;
        try
        {
            var api = runtime.Api;
            var gil = api.PyGILState_Ensure();
            try
            {
                lock (gate)
                {
                    if (running && !finished)
                        api.PyThreadState_SetAsyncExc(thread, runtime.TimeoutType);
                }
            }
            finally
            {
                api.PyGILState_Release(gil);
            }
        }
        finally
        {
            Volatile.Write(ref interrupting, 0);
        }
    }
}

/// <summary>How a host call ended.</summary>
/// <param name="Reply">What the host's run() returned, read.</param>
/// <param name="Failure">The Python error the host itself raised, or why the call was refused.</param>
/// <param name="TimedOut">The watchdog fired: the timeout passed (or the call was cancelled) before the call returned.</param>
/// <param name="Abandoned">The call did not return within the grace period; its worker thread was left behind.</param>
/// <param name="Started">The call got the GIL and began (false when it timed out waiting for it).</param>
/// <param name="Duration">From the moment a worker took the call.</param>
internal readonly record struct CallOutcome(HostReply? Reply, string? Failure, bool TimedOut, bool Abandoned, bool Started, TimeSpan Duration);
