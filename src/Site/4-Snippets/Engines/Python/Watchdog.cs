namespace Site.Snippets.Engines.Python;

/// <summary>
/// A worker thread's one timer, aimed at the call it runs (<see cref="PythonCall"/>): a timer made and disposed per call cost
/// three objects and a delegate each. A tick can come late, when the call it was set for has ended: the call it reaches
/// checks its own time has come (<see cref="PythonCall.OnWatchdog"/>).
/// </summary>
internal sealed class Watchdog : IDisposable
{
    /// <summary>How often the watchdog fires again while a call that is past its time goes on.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);

    private readonly Timer timer;
    private PythonCall? call;

    public Watchdog() => timer = new Timer(static state => ((Watchdog)state!).Tick(), this, Timeout.Infinite, Timeout.Infinite);

    /// <summary>Fires for <paramref name="target"/> after <paramref name="due"/> (infinite: never), then every <see cref="Retry"/>.</summary>
    public void Watch(PythonCall target, TimeSpan due)
    {
        Volatile.Write(ref call, target);
        timer.Change(due, Retry);
    }

    /// <summary>The call ended.</summary>
    public void Stop()
    {
        timer.Change(Timeout.Infinite, Timeout.Infinite);
        Volatile.Write(ref call, null);
    }

    public void Dispose() => timer.Dispose();

    private void Tick() => Volatile.Read(ref call)?.OnWatchdog();
}
