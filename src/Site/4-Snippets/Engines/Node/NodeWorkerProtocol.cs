using System.Text.Json.Serialization;

namespace Site.Snippets.Engines.Node;

/// <summary>A line to node/snippet-worker.js: "run" (answered) or "end" (not answered).</summary>
internal sealed record WorkerRequest(string Type, long Id, string Session, string? Code, string? File, int Line, int TimeoutMs, bool Quiet);

/// <summary>A line from the worker: id 0 and the version first, then one per run.</summary>
internal sealed record WorkerResponse(long Id, string? Version, WorkerChunk[]? Output, bool Truncated, WorkerError? Error);

/// <summary>Stream 0 is stdout, 1 stderr.</summary>
internal sealed record WorkerChunk(int Stream, string Text);

/// <summary>Kind is "exception" or "timeout".</summary>
internal sealed record WorkerError(string Kind, string Name, string Message, string Trace, string[] TypeNames);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerResponse))]
internal sealed partial class WorkerJson : JsonSerializerContext;
