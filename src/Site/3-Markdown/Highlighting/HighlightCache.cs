using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Site.Core;

namespace Site.Markdown.Highlighting;

/// <summary>
/// Highlighted code kept between builds (<c>.site-cache/highlight.json</c>), keyed by a hash of the highlighter's files,
/// the language and the code: a rebuild starts Node only for code it has not highlighted before.
/// </summary>
internal sealed class HighlightCache
{
    public const string FileName = "highlight.json";

    /// <summary>Beyond this many entries the oldest are dropped (a cache, not an archive).</summary>
    private const int MaxEntries = 100_000;

    private readonly string path;
    private readonly string version;
    private readonly Dictionary<string, string?> entries;
    private readonly Dictionary<string, string?> added = new(StringComparer.Ordinal);

    private HighlightCache(string path, string version, Dictionary<string, string?> entries)
    {
        this.path = path;
        this.version = version;
        this.entries = entries;
    }

    public static HighlightCache Load(string directory, bool ignoreExisting)
    {
        var path = Path.Combine(directory, FileName);
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!ignoreExisting && File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                entries = JsonSerializer.Deserialize(stream, HighlightJson.Default.DictionaryStringString) ?? entries;
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                // An unreadable cache only costs time: everything is highlighted again and the file rewritten.
            }
        }

        return new HighlightCache(path, HighlighterVersion(), entries);
    }

    public bool TryGet(string language, string code, out string? html) => entries.TryGetValue(Key(language, code), out html);

    public void Add(string language, string code, string? html) => added[Key(language, code)] = html;

    /// <summary>Writes the cache through a temporary file when this build added to it.</summary>
    public void Save()
    {
        if (added.Count == 0)
            return;
        var all = entries.Concat(added).GroupBy(p => p.Key).Select(g => g.Last()).TakeLast(MaxEntries)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, all, HighlightJson.Default.DictionaryStringString));
    }

    private string Key(string language, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version + "\0" + language + "\0" + code)));

    /// <summary>Changes when highlight.js or our script does: their sizes and times.</summary>
    private static string HighlighterVersion()
    {
        var files = new[] { NodeHighlighter.ScriptPath, Path.Combine(Path.GetDirectoryName(NodeHighlighter.ScriptPath)!, "hljs", "core.js") };
        return string.Join('|', files.Select(f => File.Exists(f) ? $"{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}" : "-"));
    }
}
