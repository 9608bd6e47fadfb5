namespace Site.Core;

/// <summary>
/// A stage's work on each of many items (pages), in parallel, results in order. Under serve, with the stage's memo, the
/// items whose inputs are unchanged take their last value, looked up one after the other on the calling thread, and only
/// the others are computed, in parallel: a rebuild after an edit has a thousand cheap hits and one miss, and handing
/// the hits to worker threads costs more than they take (on a busy machine each worker waits its turn for a core).
/// </summary>
internal static class PerPage
{
    /// <summary><paramref name="compute"/> for the items that <paramref name="memo"/> has no value for from equal inputs; for every
    /// item when there is no memo (a one-off build).</summary>
    public static TValue[] Map<TItem, TInputs, TValue>(IReadOnlyList<TItem> items, Memo<TInputs, TValue>? memo, Func<TItem, string> key,
        Func<TItem, TInputs> inputs, Func<TItem, Diagnostics, TValue> compute, BuildContext context, CancellationToken cancellationToken)
    {
        var values = new TValue[items.Count];
        var misses = new List<(int Index, TInputs Inputs)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (memo is null)
            {
                misses.Add((i, default!));
                continue;
            }

            var itemInputs = inputs(items[i]);
            if (!memo.TryGet(key(items[i]), itemInputs, context.Diagnostics, out values[i]))
                misses.Add((i, itemInputs));
        }

        void Compute((int Index, TInputs Inputs) miss)
        {
            var item = items[miss.Index];
            values[miss.Index] = memo is null
                ? compute(item, context.Diagnostics)
                : memo.Compute(key(item), miss.Inputs, context.Diagnostics, diagnostics => compute(item, diagnostics));
        }

        if (misses.Count <= 1)
            misses.ForEach(Compute); // the usual edit: no thread to wait for
        else
            Parallel.ForEach(misses, context.ParallelOptions(cancellationToken), Compute);
        return values;
    }
}
