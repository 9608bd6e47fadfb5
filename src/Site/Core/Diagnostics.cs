using System.Collections.Concurrent;

namespace Site.Core;

/// <summary>Collects every diagnostic of a build (thread-safe: stages run pages in parallel).</summary>
internal sealed class Diagnostics
{
    // A set, not a list: a data table shown on ten pages reports its broken link once.
    private readonly ConcurrentDictionary<Diagnostic, byte> set = new();

    private IEnumerable<Diagnostic> items => set.Keys;

    public void Add(Diagnostic diagnostic) => set.TryAdd(diagnostic, 0);

    public void Error(string code, SourceLocation? at, string message) => Add(Diagnostic.Error(code, at, message));

    public void Warning(string code, SourceLocation? at, string message) => Add(Diagnostic.Warning(code, at, message));

    public int ErrorCount => items.Count(d => d.Severity == Severity.Error);

    public int WarningCount => items.Count(d => d.Severity == Severity.Warning);

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    /// <summary>All diagnostics in a stable order: by file, line, column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => items
        .OrderBy(d => d.Location?.Path ?? "", StringComparer.Ordinal)
        .ThenBy(d => d.Location?.Line ?? 0)
        .ThenBy(d => d.Location?.Column ?? 0)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
