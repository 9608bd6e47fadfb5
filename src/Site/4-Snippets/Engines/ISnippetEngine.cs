using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Site.Snippets.Engines;

/// <summary>
/// Runs snippets of one language. A session is a namespace (Python) or a context (JavaScript) that keeps
/// state from one snippet to the next; the engine creates it on first use. Engines are safe to call from
/// several threads; snippets of one session are always sent one after another.
/// </summary>
internal interface ISnippetEngine : IAsyncDisposable
{
    SnippetLanguage Language { get; }

    /// <summary>What ran the snippets, for the page's summary line and the cache key: "Python 3.11.2", "Node v20.19.0".</summary>
    string Runtime { get; }

    /// <summary>How many sessions the engine runs at once (Node: one per worker process); callers start no more.</summary>
    int MaxParallelSessions => 1;

    Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs snippets of one session one after another, in order, and yields each result as it comes. An
    /// engine that can take them all at once overrides this (Node: one write, no round trip per snippet).
    /// </summary>
    async IAsyncEnumerable<RunResult> RunAllAsync(IReadOnlyList<RunRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var request in requests)
            yield return await RunAsync(request, cancellationToken);
    }

    /// <summary>Forgets a session's state (its snippets are done).</summary>
    Task EndSessionAsync(string sessionId);

    /// <summary>
    /// Runs sessions: each one's snippets in order (<see cref="RunAllAsync"/>), then its end, even when cancelled; up to
    /// <see cref="MaxParallelSessions"/> sessions at once, else one after another. An engine overrides it to hand them
    /// over in one go (Python: one batch to its worker thread).
    /// </summary>
    /// <param name="sessions">Each session's snippets (all of one session id), in the order to run them.</param>
    async Task<ImmutableArray<ImmutableArray<RunResult>>> RunSessionsAsync(IReadOnlyList<IReadOnlyList<RunRequest>> sessions,
        CancellationToken cancellationToken)
    {
        var all = new ImmutableArray<RunResult>[sessions.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSessions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, sessions.Count), parallel, async (s, token) =>
        {
            var requests = sessions[s];
            var results = ImmutableArray.CreateBuilder<RunResult>(requests.Count);
            try
            {
                await foreach (var result in RunAllAsync(requests, token))
                    results.Add(result);
            }
            finally
            {
                if (requests.Count > 0)
                    await EndSessionAsync(requests[0].SessionId);
            }

            all[s] = results.MoveToImmutable();
        });
        return [.. all];
    }
}

/// <summary>One snippet to run.</summary>
/// <param name="SessionId">Unique across the build, e.g. "guide/async.md#python:page".</param>
/// <param name="Code">The snippet's source.</param>
/// <param name="FileName">How tracebacks and stack traces name the file: the Markdown file's display path.</param>
/// <param name="FirstLine">The line of the Markdown file the code's first line is on (1-based), so traces point there.</param>
/// <param name="Timeout">How long the snippet may run.</param>
internal sealed record RunRequest(string SessionId, string Code, string FileName, int FirstLine, TimeSpan Timeout);

internal enum OutputStream { Stdout, Stderr }

/// <summary>A piece of output, in the order it was written.</summary>
internal sealed record OutputChunk(OutputStream Stream, string Text);

/// <summary>What a snippet printed and how it ended.</summary>
internal sealed record RunResult
{
    /// <summary>Stdout and stderr interleaved as written; at most <see cref="OutputLimit"/> characters in all.</summary>
    public ImmutableArray<OutputChunk> Output { get; init; } = [];

    /// <summary>The snippet printed more than <see cref="OutputLimit"/>; the rest was dropped.</summary>
    public bool Truncated { get; init; }

    /// <summary>Null when the snippet completed normally.</summary>
    public RunError? Error { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>What a reader sees: what the snippet printed, then its error's trace as stderr.</summary>
    [JsonIgnore] // derived: the cache keeps what it is made of
    public ImmutableArray<OutputChunk> Display =>
        Error is { Trace.Length: > 0 } error ? Output.Add(new OutputChunk(OutputStream.Stderr, error.Trace)) : Output;

    /// <summary>The text of <see cref="Display"/>, made without copying when it is one piece (a snippet that printed and completed).</summary>
    [JsonIgnore]
    public string DisplayText
    {
        get
        {
            var trace = Error?.Trace ?? "";
            if (trace.Length == 0 && Output.Length == 1)
                return Output[0].Text;
            var length = trace.Length;
            foreach (var chunk in Output)
                length += chunk.Text.Length;
            return string.Create(length, (Output, trace), static (text, parts) =>
            {
                foreach (var chunk in parts.Output)
                {
                    chunk.Text.CopyTo(text);
                    text = text[chunk.Text.Length..];
                }

                parts.trace.CopyTo(text);
            });
        }
    }

    /// <summary>1 MiB of text per snippet.</summary>
    public const int OutputLimit = 1 << 20;
}

internal enum RunErrorKind
{
    /// <summary>The snippet raised or threw (including SystemExit, KeyboardInterrupt, os._exit, process.exit, an unhandled rejection).</summary>
    Exception,

    /// <summary>The snippet ran past its timeout and was stopped.</summary>
    Timeout,

    /// <summary>The engine failed underneath the snippet (the worker died); not the snippet's fault as far as we know.</summary>
    EngineFailure,
}

/// <summary>How a snippet failed.</summary>
/// <param name="Kind">Exception, timeout, or engine failure.</param>
/// <param name="Name">The error's type: "ValueError", "TypeError", "SystemExit", "TimeoutError".</param>
/// <param name="Message">The error's message, one line where possible.</param>
/// <param name="Trace">What a reader sees: the traceback or stack trace with file and lines mapped to the Markdown file.</param>
/// <param name="TypeNames">The error's type and its base types ("KeyError", "LookupError", "Exception", ...), so throws=LookupError matches.</param>
internal sealed record RunError(RunErrorKind Kind, string Name, string Message, string Trace, ImmutableArray<string> TypeNames);
