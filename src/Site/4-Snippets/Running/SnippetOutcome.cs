using System.Collections.Immutable;
using Site.Snippets.Engines;

namespace Site.Snippets.Running;

internal enum SnippetStatus
{
    /// <summary>Ran, and its output matched the page's expected output.</summary>
    Verified,

    /// <summary>Ran without an expected output; its output is shown as it came.</summary>
    Ran,

    /// <summary>Raised the error its page said it would (<c>throws</c>).</summary>
    FailedAsExpected,

    /// <summary>Raised unexpectedly, printed the wrong thing, or raised the wrong error.</summary>
    Failed,

    TimedOut,

    /// <summary>Could not run: no runtime, or <c>--frozen</c> without a cached result.</summary>
    NotRun,
}

/// <summary>What became of one snippet in this build.</summary>
internal sealed record SnippetOutcome
{
    public required Snippet Snippet { get; init; }

    public required SnippetStatus Status { get; init; }

    /// <summary>Null when the snippet did not run.</summary>
    public RunResult? Result { get; init; }

    /// <summary>"Python 3.11.2", "Node v20.19.0"; null when it did not run.</summary>
    public string? Runtime { get; init; }

    /// <summary>The result came from .site-cache/ rather than from running the code now.</summary>
    public bool Cached { get; init; }

    public bool Passed => Status is SnippetStatus.Verified or SnippetStatus.Ran or SnippetStatus.FailedAsExpected;

    /// <summary>What the reader sees: what the snippet printed, then its error's trace as stderr.</summary>
    public ImmutableArray<OutputChunk> Display => Result?.Display ?? [];

    public string DisplayText => Result?.DisplayText ?? "";

    public static string StatusName(SnippetStatus status) => status switch
    {
        SnippetStatus.Verified => "verified",
        SnippetStatus.Ran => "ran",
        SnippetStatus.FailedAsExpected => "failed-as-expected",
        SnippetStatus.Failed => "failed",
        SnippetStatus.TimedOut => "timed-out",
        _ => "not-run",
    };
}
