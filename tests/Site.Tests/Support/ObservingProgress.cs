using System.Collections.Concurrent;
using Site.Core;

namespace Site.Tests.Support;

/// <summary>Notes what <paramref name="observe"/> sees as each stage starts (the collector's mode, the stack's depth…), in order.</summary>
internal sealed class ObservingProgress<T>(Func<T> observe) : IBuildProgress
{
    public ConcurrentQueue<(string Stage, T Seen)> Seen { get; } = [];

    public T At(string stage) => Seen.First(entry => entry.Stage == stage).Seen;

    public void StageStarted(string name) => Seen.Enqueue((name, observe()));

    public void StageFinished(string name, TimeSpan elapsed)
    {
    }
}
