namespace Site.Tests.Support;

/// <summary>A clock that moves only when the test says so; its timers fire (on the test's thread) as it passes their time.</summary>
internal sealed class ManualTime : TimeProvider
{
    private readonly List<ManualTimer> timers = [];
    private long now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref now);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, () => callback(state));
        timer.Change(dueTime, period);
        lock (timers)
            timers.Add(timer);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref now, by.Ticks);
        List<ManualTimer> due;
        lock (timers)
            due = [.. timers.Where(t => t.Due <= now)];
        foreach (var timer in due)
            timer.Fire();
    }

    private sealed class ManualTimer(ManualTime time, Action callback) : ITimer
    {
        public long Due { get; private set; } = long.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // One-shot timers are all the code under test uses.
            Due = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : time.GetTimestamp() + dueTime.Ticks;
            return true;
        }

        public void Fire()
        {
            Due = long.MaxValue;
            callback();
        }

        public void Dispose() => Due = long.MaxValue;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
