using System.Threading.Channels;

namespace Site.Serving;

/// <summary>
/// Watches folders (the input and the theme) and, once they have been quiet for a moment, hands over the paths that
/// changed as one batch: an editor's save (a temporary file, a rename, a write) becomes one rebuild. Editor temporary
/// files and hidden files are ignored; the build ignores them too.
/// </summary>
internal sealed class InputWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Channel<ChangeBatch> batches = Channel.CreateUnbounded<ChangeBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeSpan quiet;
    private readonly TimeProvider time;
    private readonly ITimer timer;
    private readonly Lock gate = new();
    private HashSet<string> pending = new(StringComparer.Ordinal);
    private long firstChange;

    /// <param name="time">The clock of the quiet wait; tests pass one they move by hand.</param>
    public InputWatcher(IEnumerable<string> folders, TimeSpan quiet, TimeProvider? time = null)
    {
        this.quiet = quiet;
        this.time = time ?? TimeProvider.System;
        timer = this.time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var folder in folders.Distinct().Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Changed(folder, e.FullPath);
            watcher.Created += (_, e) => Changed(folder, e.FullPath);
            watcher.Deleted += (_, e) => Changed(folder, e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Changed(folder, e.OldFullPath);
                Changed(folder, e.FullPath);
            };
            watcher.Error += (_, _) => Changed(folder, folder); // events were lost: rebuild anyway
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
    }

    /// <summary>Batches of changed paths (full paths), in order.</summary>
    public ChannelReader<ChangeBatch> Changes => batches.Reader;

    /// <summary>Editors' swap, backup and lock files, and anything hidden (.git, .site-cache).</summary>
    internal static bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p.StartsWith('.') || p == "node_modules"))
            return true;
        var name = parts.Length == 0 ? "" : parts[^1];
        return name.EndsWith('~') || name == "4913" || (name.StartsWith('#') && name.EndsWith('#'))
            || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.Ordinal);
    }

    /// <summary>A file event under <paramref name="folder"/> (the watchers call it; tests too).</summary>
    internal void Changed(string folder, string path)
    {
        if (path != folder && IsIgnored(Path.GetRelativePath(folder, path)))
            return;
        lock (gate)
        {
            if (pending.Count == 0)
                firstChange = time.GetTimestamp();
            pending.Add(path);
            // Wait for quiet, but not forever: a folder that never stops changing still gets rebuilt now and then.
            var waited = time.GetElapsedTime(firstChange);
            timer.Change(waited > quiet * 10 ? TimeSpan.Zero : quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        ChangeBatch batch;
        lock (gate)
        {
            if (pending.Count == 0)
                return;
            batch = new ChangeBatch(pending, firstChange);
            pending = new HashSet<string>(StringComparer.Ordinal);
        }

        batches.Writer.TryWrite(batch);
    }

    public void Dispose()
    {
        foreach (var watcher in watchers)
            watcher.Dispose();
        timer.Dispose();
        batches.Writer.TryComplete();
    }
}

/// <summary>Paths that changed together, and when the first of them did (a timestamp of the watcher's <see cref="TimeProvider"/>).</summary>
internal sealed record ChangeBatch(IReadOnlySet<string> Paths, long FirstChange);
