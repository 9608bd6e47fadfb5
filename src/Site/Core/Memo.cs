using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Site.Core;

/// <summary>
/// For each key (a page's path, a code block), the last value computed, the inputs it was computed from and the
/// diagnostics it reported: when the inputs are equal again, the value is reused and its diagnostics reported again.
/// Thread-safe, since stages work on pages in parallel. Part of a <see cref="RebuildCache"/>.
/// </summary>
/// <typeparam name="TInputs">Everything the value depends on, compared with <see cref="EqualityComparer{T}.Default"/>:
/// strings by content (the same instance is the fast case), syntax trees and results by reference.</typeparam>
internal sealed class Memo<TInputs, TValue>(string name) : IMemo
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int generation;
    private int used; // keys this build used: when that is all of them, a sweep has nothing to drop
    private bool keepAll;
    private int reused;
    private int computed;

    public string Name => name;

    public int Reused => reused;

    public int Computed => computed;

    public TValue GetOrAdd(string key, TInputs inputs, Diagnostics diagnostics, Func<Diagnostics, TValue> compute) =>
        TryGet(key, inputs, diagnostics, out var value) ? value : Compute(key, inputs, diagnostics, compute);

    /// <summary>The value for <paramref name="key"/> if it was computed from equal inputs, reporting its diagnostics again.</summary>
    public bool TryGet(string key, TInputs inputs, Diagnostics diagnostics, out TValue value)
    {
        if (!TryGet(key, inputs, out value, out var reported))
            return false;
        foreach (var diagnostic in reported)
            diagnostics.Add(diagnostic);
        return true;
    }

    /// <summary>Computes the value for <paramref name="key"/> and keeps it, with the diagnostics it reported.</summary>
    public TValue Compute(string key, TInputs inputs, Diagnostics diagnostics, Func<Diagnostics, TValue> compute)
    {
        // Computed against its own collector, so a later hit can report exactly what this page reported.
        var own = new Diagnostics();
        var value = compute(own);
        var sorted = own.Sorted();
        foreach (var diagnostic in sorted)
            diagnostics.Add(diagnostic);
        Set(key, inputs, value, [.. sorted]);
        return value;
    }

    /// <summary>The value for <paramref name="key"/> if it was computed from equal inputs (a batch computes the misses itself).</summary>
    public bool TryGet(string key, TInputs inputs, out TValue value) => TryGet(key, inputs, out value, out _);

    public void Set(string key, TInputs inputs, TValue value, ImmutableArray<Diagnostic> diagnostics = default)
    {
        Interlocked.Increment(ref computed);
        if (!entries.TryGetValue(key, out var previous) || !previous.Use(generation))
            Interlocked.Increment(ref used);
        entries[key] = new Entry(inputs, value, diagnostics.IsDefault ? [] : diagnostics) { Generation = generation };
    }

    /// <summary>Keeps every entry through this build's sweep: the build used them all, through a value made of them.</summary>
    public void KeepAll() => keepAll = true;

    /// <summary>After a build: forgets what this build did not use (deleted pages, old versions), and resets the counts.</summary>
    public void Sweep()
    {
        if (!keepAll && used != entries.Count)
        {
            foreach (var (key, entry) in entries)
            {
                if (entry.Generation != generation)
                    entries.TryRemove(key, out _);
            }
        }

        generation++;
        used = reused = computed = 0;
        keepAll = false;
    }

    private bool TryGet(string key, TInputs inputs, out TValue value, out ImmutableArray<Diagnostic> diagnostics)
    {
        if (entries.TryGetValue(key, out var entry) && EqualityComparer<TInputs>.Default.Equals(entry.Inputs, inputs))
        {
            if (!entry.Use(generation))
                Interlocked.Increment(ref used);
            entry.Inputs = inputs; // equal, and referring to this build's objects rather than older ones (which can then go)
            Interlocked.Increment(ref reused);
            (value, diagnostics) = (entry.Value, entry.Diagnostics);
            return true;
        }

        (value, diagnostics) = (default!, []);
        return false;
    }

    private sealed record Entry(TInputs Inputs, TValue Value, ImmutableArray<Diagnostic> Diagnostics)
    {
        public TInputs Inputs { get; set; } = Inputs;

        public int Generation;

        /// <summary>Marks the entry used by build <paramref name="current"/>; true if it already was.</summary>
        public bool Use(int current) => Interlocked.Exchange(ref Generation, current) == current;
    }
}

/// <summary>What <see cref="RebuildCache"/> needs of a memo, whatever it holds.</summary>
internal interface IMemo
{
    string Name { get; }

    int Reused { get; }

    int Computed { get; }

    void Sweep();
}
