using Site.Core;

namespace Site.Serving;

/// <summary>Why the latest build has no site: its diagnostics, or an exception that stopped it (a file that vanished while it was read).</summary>
internal sealed record BuildFailure(IReadOnlyList<Diagnostic> Diagnostics, string? Exception = null)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error) + (Exception is null ? 0 : 1);

    /// <summary>Two failures that look the same on the error page: no reason to reload it.</summary>
    public bool SameAs(BuildFailure? other) => other is not null && other.Exception == Exception
        && other.Diagnostics.Select(d => d.ToString()).SequenceEqual(Diagnostics.Select(d => d.ToString()), StringComparer.Ordinal);
}
