using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Site.Snippets.Engines.Python;

/// <summary>What snippet_host.run() returns: the snippet's output and how it ended.</summary>
internal sealed record HostReply(ImmutableArray<OutputChunk> Output, bool Truncated, HostError? Error);

/// <summary>A snippet's exception as the host describes it; <see cref="Timeout"/> when it was the watchdog's SnippetTimeout.</summary>
/// <param name="Trace">The traceback of the snippet's frames; for a timeout, only where it was stopped.</param>
internal sealed record HostError(string? Name, string? Message, string? Trace, ImmutableArray<string>? Types, bool Timeout);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HostReply))]
[JsonSerializable(typeof(InterpreterInfo))]
internal sealed partial class PythonJson : JsonSerializerContext;
