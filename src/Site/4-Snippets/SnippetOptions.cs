namespace Site.Snippets;

/// <summary>How an expected output is compared with the real one.</summary>
internal enum OutputMatch
{
    /// <summary>Exact, except that "..." matches any text (doctest's ELLIPSIS). The default.</summary>
    Ellipsis,

    /// <summary>Exact text.</summary>
    Exact,

    /// <summary>Each expected line is a regular expression for the whole actual line.</summary>
    Regex,
}

/// <summary>The options after "run" in a snippet's info string, e.g. <c>```python run session=setup hide timeout=5</c>.</summary>
internal sealed record SnippetOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Snippets of one language on one page with the same session share state; default: one session per page.</summary>
    public string? Session { get; init; }

    /// <summary>Runs in a fresh session of its own.</summary>
    public bool Isolated { get; init; }

    /// <summary>Runs, but the code is not shown (setup).</summary>
    public bool Hide { get; init; }

    /// <summary>Runs, but its output is not shown.</summary>
    public bool HideOutput { get; init; }

    /// <summary>Must raise; <see cref="ThrowsName"/>, when set, names the error type.</summary>
    public bool Throws { get; init; }

    public string? ThrowsName { get; init; }

    /// <summary>How long the snippet may run (default 10 s, at most 10 minutes).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public OutputMatch Match { get; init; } = OutputMatch.Ellipsis;
}
