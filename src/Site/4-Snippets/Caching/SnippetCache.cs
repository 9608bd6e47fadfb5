using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core;
using Site.Snippets.Engines;

namespace Site.Snippets.Caching;

/// <summary>
/// Results of earlier runs, in <c>.site-cache/snippets.json</c>, keyed by <see cref="Key"/>: the runtime, the
/// session's earlier snippets, the code, its options and place. Entries unused for 30 days are dropped on save.
/// </summary>
internal sealed class SnippetCache
{
    public const string FileName = "snippets.json";

    private static readonly TimeSpan KeepUnused = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, CachedRun> entries;

    private SnippetCache(string directory, ConcurrentDictionary<string, CachedRun> entries)
    {
        Directory = directory;
        this.entries = entries;
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    public int Count => entries.Count;

    public static SnippetCache Empty(string directory) => new(directory, new ConcurrentDictionary<string, CachedRun>());

    /// <summary>Reads the cache; a missing file is an empty cache, an unreadable one too (with the reason).</summary>
    public static SnippetCache Load(string directory, out string? problem)
    {
        problem = null;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return Empty(directory);
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize(stream, SnippetCacheJson.Default.CacheFile);
            if (file is null || file.Version != CacheFile.CurrentVersion)
                return Empty(directory);
            return new SnippetCache(directory, new ConcurrentDictionary<string, CachedRun>(file.Entries));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = e.Message;
            return Empty(directory);
        }
    }

    public bool TryGet(string key, out CachedRun run)
    {
        if (!entries.TryGetValue(key, out run!))
            return false;
        entries[key] = run = run with { LastUsed = DateTime.UtcNow };
        return true;
    }

    /// <summary>A result was added since the cache was loaded or saved.</summary>
    public bool HasNewResults { get; private set; }

    public void Put(string key, string runtime, RunResult result)
    {
        entries[key] = new CachedRun(runtime, result, DateTime.UtcNow);
        HasNewResults = true;
    }

    /// <summary>Writes the cache (through a temporary file: a killed build never leaves half of one).</summary>
    public void Save()
    {
        var cutoff = DateTime.UtcNow - KeepUnused;
        var kept = entries.Where(pair => pair.Value.LastUsed >= cutoff); // written as they come, not copied first
        AtomicFile.Write(FilePath, stream => SnippetCacheWriter.Write(stream, CacheFile.CurrentVersion, kept));
        HasNewResults = false;
    }

    /// <summary>The key of a snippet, given the key of the snippet before it in its session (or "" for the first).</summary>
    public static string Key(string runtimeIdentity, string previousKey, Snippet snippet, string fileName)
    {
        // The SHA-256 of the UTF-8 of string.Join('\0', fields), written into a pooled buffer: keys are made for every snippet
        // of every build, and joining, encoding and hashing strings allocated over 1 KB for each.
        var options = snippet.Options;
        var texts = runtimeIdentity.Length + previousKey.Length + snippet.Code.Length + fileName.Length
            + (options.ThrowsName?.Length ?? 0) + (options.Session?.Length ?? 0);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(texts) + 128); // + NULs, numbers and booleans
        try
        {
            var text = buffer.AsSpan();
            var length = Encoding.UTF8.GetBytes(runtimeIdentity, text);
            length += Field(previousKey, text[length..]);
            length += Field(snippet.Code, text[length..]);
            length += Field(fileName, text[length..]);
            length += Field(snippet.At.Line, text[length..]);
            length += Field(options.Timeout.TotalMilliseconds, text[length..]);
            length += Field(options.Throws.ToString(), text[length..]);
            length += Field(options.ThrowsName, text[length..]);
            length += Field(options.Isolated.ToString(), text[length..]);
            length += Field(options.Session, text[length..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text[..length], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A NUL, then the text's UTF-8 (nothing for null, as string.Join writes it); returns the bytes written.</summary>
    private static int Field(string? text, Span<byte> to)
    {
        to[0] = 0;
        return 1 + Encoding.UTF8.GetBytes(text, to[1..]);
    }

    /// <summary>A NUL, then the number as ToString() writes it (the culture is the invariant one); returns the bytes written.</summary>
    private static int Field<T>(T number, Span<byte> to) where T : IUtf8SpanFormattable
    {
        to[0] = 0;
        return number.TryFormat(to[1..], out var written, default, CultureInfo.InvariantCulture)
            ? 1 + written
            : throw new InvalidOperationException("the key's buffer is too small");
    }
}

/// <summary>One cached result and the runtime that produced it.</summary>
internal sealed record CachedRun(string Runtime, RunResult Result, DateTime LastUsed);

internal sealed record CacheFile(int Version, Dictionary<string, CachedRun> Entries)
{
    public const int CurrentVersion = 1;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CacheFile))]
internal sealed partial class SnippetCacheJson : JsonSerializerContext;
