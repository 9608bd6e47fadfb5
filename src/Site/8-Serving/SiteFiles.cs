using Site.Core;

namespace Site.Serving;

/// <summary>
/// The files of one successful build by path (relative to the site root, as <see cref="OutputFile.Path"/>), kept in memory
/// to serve, and compared with the previous build's to tell which changed. Copied files stay on disk; their size and time
/// stand for their content.
/// </summary>
internal sealed class SiteFiles
{
    public static readonly SiteFiles Empty = new([]);

    private readonly Dictionary<string, OutputFile> files;
    private readonly Dictionary<string, (long Length, DateTime Written)> stamps;

    public SiteFiles(IEnumerable<OutputFile> outputs)
    {
        files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        foreach (var file in outputs)
            files[file.Path] = file;
        stamps = files.Values.Where(f => f.CopyFrom is not null).ToDictionary(f => f.Path, f => Stamp(f.CopyFrom!), StringComparer.Ordinal);
    }

    public int Count => files.Count;

    public OutputFile? Find(string path) => files.GetValueOrDefault(path);

    /// <summary>The paths added, removed or changed since <paramref name="previous"/>, in order.</summary>
    public IReadOnlyList<string> ChangedSince(SiteFiles previous) => files.Keys.Union(previous.files.Keys)
        .Where(path => !Same(path, previous))
        .Order(StringComparer.Ordinal)
        .ToList();

    private bool Same(string path, SiteFiles previous)
    {
        if (!files.TryGetValue(path, out var now) || !previous.files.TryGetValue(path, out var before))
            return false;
        if (now.Text is not null || before.Text is not null)
            return string.Equals(now.Text, before.Text, StringComparison.Ordinal); // reused pages are the same instance: instant
        return now.CopyFrom == before.CopyFrom && stamps[path] == previous.stamps[path];
    }

    private static (long, DateTime) Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }
}
