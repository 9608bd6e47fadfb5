using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Site.Snippets.Engines.Python;

/// <summary>What snippet_host.run() returns: the snippet's output and how it ended.</summary>
internal sealed record HostReply(ImmutableArray<OutputChunk> Output, bool Truncated, HostError? Error)
{
    /// <summary>
    /// Reads run()'s tuple, (truncated, error, stream, text, stream, text, ...), with the GIL held: texts are UTF-8 bytes,
    /// the error is b"" or JSON (<see cref="HostError.Parse"/>). Throws <see cref="InvalidDataException"/> on another shape.
    /// </summary>
    public static unsafe HostReply Read(PythonApi api, nint reply)
    {
        var size = api.PyTuple_Size(reply);
        if (size < 2 || size % 2 != 0)
            throw new InvalidDataException($"run() returned {(size < 0 ? api.TakeError() : $"{size} items")} instead of (truncated, error, stream, text, ...)");
        var truncated = api.ReadLong(api.PyTuple_GetItem(reply, 0)) != 0;
        var error = api.ReadBytes(api.PyTuple_GetItem(reply, 1)) is { Length: > 0 } json ? HostError.Parse(json) : null;
        var chunks = new OutputChunk[(size - 2) / 2];
        for (var i = 0; i < chunks.Length; i++)
        {
            var stream = (OutputStream)api.ReadLong(api.PyTuple_GetItem(reply, 2 + (2 * i)));
            chunks[i] = new OutputChunk(stream, api.ReadUtf8(api.PyTuple_GetItem(reply, 3 + (2 * i))));
        }

        return new HostReply(ImmutableCollectionsMarshal.AsImmutableArray(chunks), truncated, error);
    }
}

/// <summary>A snippet's exception as the host describes it; <see cref="Timeout"/> when it was the watchdog's SnippetTimeout.</summary>
/// <param name="Trace">The traceback of the snippet's frames; for a timeout, only where it was stopped.</param>
internal sealed record HostError(string? Name, string? Message, string? Trace, ImmutableArray<string>? Types, bool Timeout)
{
    /// <summary>
    /// Reads the error's JSON with a <see cref="Utf8JsonReader"/>: the serializer's first use in a process (its metadata,
    /// and the JIT) costs more than all the errors of a build. Unknown properties are skipped; bad JSON throws JsonException.
    /// </summary>
    public static HostError Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Next(ref reader);
        var error = ReadError(ref reader);
        return reader.Read() ? throw new JsonException("the error goes on after its end") : error;
    }

    private static HostError ReadError(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? name = null, message = null, trace = null;
        ImmutableArray<string>? types = null;
        var timeout = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "name": name = reader.GetString(); break;
                case "message": message = reader.GetString(); break;
                case "trace": trace = reader.GetString(); break;
                case "timeout": timeout = reader.GetBoolean(); break;
                case "types": types = reader.TokenType == JsonTokenType.Null ? null : ReadStrings(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new HostError(name, message, trace, types, timeout);
    }

    private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var strings = ImmutableArray.CreateBuilder<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
            strings.Add(reader.GetString() ?? "");
        return strings.ToImmutable();
    }

    /// <summary>Moves to the next property of the object being read and onto its value; false at the object's end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        // The reader checks the JSON is well formed: in an object, a property name or the object's end comes next.
        if (Next(ref reader) == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }

        name = reader.GetString()!;
        Next(ref reader);
        return true;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the reply ends too soon");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
            throw new JsonException($"expected {type} in the reply, found {reader.TokenType}");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InterpreterInfo))]
internal sealed partial class PythonJson : JsonSerializerContext;
