using System.Globalization;
using System.Text.Json;
using Site.Snippets.Engines;

namespace Site.Snippets.Caching;

/// <summary>
/// Writes the cache file byte for byte as the serializer (<see cref="SnippetCacheJson"/>) would, with a Utf8JsonWriter:
/// the serializer's first use in a process (metadata for every type in the file, and their JIT) took 30 to 90 ms of a
/// build that ran snippets, several times the writing itself. Reading the file stays with the serializer.
/// </summary>
internal static class SnippetCacheWriter
{
    /// <summary>The writer keeps what it wrote until flushed: flushing often keeps its buffer small (off the large object heap).</summary>
    private const int FlushAt = 16 * 1024;

    public static void Write(Stream stream, CacheFile file) => Write(stream, file.Version, file.Entries);

    /// <summary>Writes a file of these entries, in their order.</summary>
    public static void Write(Stream stream, int version, IEnumerable<KeyValuePair<string, CachedRun>> entries)
    {
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteNumber("version"u8, version);
        writer.WriteStartObject("entries"u8);
        foreach (var (key, run) in entries)
        {
            writer.WriteStartObject(key);
            writer.WriteString("runtime"u8, run.Runtime);
            writer.WritePropertyName("result"u8);
            WriteResult(writer, run.Result);
            writer.WriteString("lastUsed"u8, run.LastUsed);
            writer.WriteEndObject();
            if (writer.BytesPending > FlushAt)
                writer.Flush();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, RunResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("output"u8);
        foreach (var chunk in result.Output)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("stream"u8);
            WriteEnum(writer, chunk.Stream);
            writer.WriteString("text"u8, chunk.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("truncated"u8, result.Truncated);
        writer.WritePropertyName("error"u8);
        if (result.Error is { } error)
            WriteError(writer, error);
        else
            writer.WriteNullValue();
        Span<char> duration = stackalloc char[32]; // "-10675199.02:48:05.4775808" at the longest
        result.Duration.TryFormat(duration, out var length, "c", CultureInfo.InvariantCulture);
        writer.WriteString("duration"u8, duration[..length]);
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, RunError error)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("kind"u8);
        WriteEnum(writer, error.Kind);
        writer.WriteString("name"u8, error.Name);
        writer.WriteString("message"u8, error.Message);
        writer.WriteString("trace"u8, error.Trace);
        writer.WriteStartArray("typeNames"u8);
        foreach (var name in error.TypeNames)
            writer.WriteStringValue(name);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>As JsonStringEnumConverter writes it: the name, or the number for a value without one.</summary>
    private static void WriteEnum<T>(Utf8JsonWriter writer, T value) where T : struct, Enum
    {
        if (Enum.GetName(value) is { } name) // not ToString(): that boxes the value
            writer.WriteStringValue(name);
        else
            writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }
}
