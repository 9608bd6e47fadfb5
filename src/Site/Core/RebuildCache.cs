using System.Collections.Concurrent;

namespace Site.Core;

/// <summary>
/// What a long-lived process (the preview server) keeps from one build to the next, so that a stage skips the work whose
/// inputs did not change: each stage asks for its own <see cref="Memo{TInputs,TValue}"/> by name. A one-off build has none
/// and computes everything. Builds that share one must run one at a time, with the same options.
/// </summary>
internal sealed class RebuildCache
{
    private readonly ConcurrentDictionary<string, IMemo> memos = new(StringComparer.Ordinal);

    /// <summary>The memo of <paramref name="name"/> (a stage's name); created on first use.</summary>
    public Memo<TInputs, TValue> Memo<TInputs, TValue>(string name) =>
        (Memo<TInputs, TValue>)memos.GetOrAdd(name, _ => new Memo<TInputs, TValue>(name));

    /// <summary>What the last completed build reused, per memo: "markdown 999/1000 reused, theme 3/1016 reused".</summary>
    public string LastBuildSummary { get; private set; } = "";

    /// <summary>Called when a build ran every stage: drops what it did not use.</summary>
    public void BuildCompleted()
    {
        LastBuildSummary = string.Join(", ", memos.Values.OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => $"{m.Name} {m.Reused}/{m.Reused + m.Computed} reused"));
        foreach (var memo in memos.Values)
            memo.Sweep();
    }
}
