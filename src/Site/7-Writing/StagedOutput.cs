using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text;
using Site.Core;

namespace Site.Writing;

/// <summary>
/// The folder a build writes into, beside the output folder, until <see cref="WriteSite"/> swaps it in whole (or deletes it
/// when the build failed). Files are written by background threads as soon as a stage makes them, and the pages' folders
/// are made as soon as their URLs are known: creating a folder or a file can cost a millisecond of the kernel's time on
/// some disks, and this way that work overlaps the build's own instead of following it.
/// A file the previous output holds byte for byte is linked rather than written again (see <see cref="HardLink"/>).
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string? previous;
    // Each thread renders its streamed pages into one buffer (see Stream).
    private static readonly PerThreadText Buffers = new(64 * 1024);

    private readonly BlockingCollection<Queued> queue = [];
    private readonly ConcurrentDictionary<string, bool> folders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Exception> failures = new();
    private readonly Thread[] writers;
    private Thread? folderMaker;
    private readonly List<OutputFile> handedOver = [];
    private volatile bool abandoned;
    private bool finished;

    /// <param name="writers">Threads that write: the disk waits and the kernel's share of the work run beside the stages.</param>
    public StagedOutput(string outputDirectory, int writers)
    {
        Output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var parent = Path.GetDirectoryName(Output)!;
        Directory.CreateDirectory(parent);
        Root = Path.Combine(parent, $".{Path.GetFileName(Output)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        folders[Root] = true;
        previous = File.Exists(Path.Combine(Output, OutputFolder.MarkerFile)) ? Output : null;
        this.writers = [.. Enumerable.Range(0, writers).Select(i => Start($"write {i + 1}", WriteQueued))];
    }

    /// <summary>The folder the build replaces.</summary>
    public string Output { get; }

    /// <summary>The staging folder, beside <see cref="Output"/>.</summary>
    public string Root { get; }

    /// <summary>Makes the folders of these files (paths relative to the output) in the background.</summary>
    public void MakeFoldersFor(IReadOnlyList<string> paths)
    {
        folderMaker = Start("make folders", () =>
        {
            foreach (var path in paths)
            {
                if (abandoned)
                    return;
                Guard(() => FolderFor(path));
            }
        });
    }

    /// <summary>Queues the outputs added since the last call (stages append to the list; <see cref="Finish"/> checks).</summary>
    public void Accept(IReadOnlyList<OutputFile> outputs)
    {
        for (var i = handedOver.Count; i < outputs.Count; i++)
        {
            handedOver.Add(outputs[i]);
            if (!outputs[i].Streamed)
                queue.Add(new Queued(outputs[i], outputs[i].Path, null, 0));
        }
    }

    /// <summary>
    /// Makes a file's text with <paramref name="write"/>. In a build that writes, hands it to the writers at once, as UTF-8
    /// encoded straight from the thread's buffer into a pooled array, and returns null: the stage keeps no copy, and no
    /// page-sized string is made (a thousand themed pages would otherwise be some 50 MB for the collector). Without
    /// <paramref name="staging"/> (serve, which keeps its site in memory) returns the text.
    /// </summary>
    public static string? Stream(StagedOutput? staging, string path, Action<TextWriter> write)
    {
        var writer = Buffers.Take();
        write(writer);
        if (staging is null)
            return writer.ToString();

        var text = writer.GetStringBuilder();
        var most = 0; // a surrogate pair split between chunks counts 6 here, 4 once encoded
        foreach (var chunk in text.GetChunks())
            most += Utf8.GetByteCount(chunk.Span);
        var utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(most, 1));
        var encoder = Utf8.GetEncoder();
        var length = 0;
        foreach (var chunk in text.GetChunks())
            length += encoder.GetBytes(chunk.Span, utf8.AsSpan(length), flush: false);
        length += encoder.GetBytes([], utf8.AsSpan(length), flush: true);
        staging.queue.Add(new Queued(null, path, utf8, length));
        return null;
    }

    /// <summary>Writes what is left, waits for every file, then swaps the staging folder in for the output folder.</summary>
    public void Finish(IReadOnlyList<OutputFile> outputs)
    {
        // Should a stage ever replace or drop a file it had queued rather than append, the final list still decides.
        var replaced = Enumerable.Range(0, Math.Min(handedOver.Count, outputs.Count))
            .Where(i => !ReferenceEquals(handedOver[i], outputs[i]) && !outputs[i].Streamed).Select(i => outputs[i]).ToList();
        var dropped = handedOver.Select(f => f.Path).Except(outputs.Select(f => f.Path), StringComparer.Ordinal).ToList();
        Accept(outputs);
        Join();
        foreach (var file in replaced)
            Guard(() =>
            {
                File.Delete(Path.Combine(Root, file.Path)); // it may be a link to the previous output's file
                Write(file);
            });
        foreach (var path in dropped)
            Guard(() => File.Delete(Path.Combine(Root, path)));
        if (failures.Count == 1 && failures.TryPeek(out var only))
            ExceptionDispatchInfo.Throw(only); // as thrown on the writer's thread, stack and all
        if (!failures.IsEmpty)
            throw new AggregateException(failures);

        File.WriteAllText(Path.Combine(Root, OutputFolder.MarkerFile), "Written by the site generator; the whole folder is replaced by each build.\n");
        Swap(Root, Output);
        finished = true;
    }

    /// <summary>Stops the writers and deletes the staging folder, unless it was swapped in.</summary>
    public void Dispose()
    {
        if (finished)
            return;
        abandoned = true;
        Join();
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }

    private void Join()
    {
        if (!queue.IsAddingCompleted)
            queue.CompleteAdding();
        foreach (var writer in writers)
            writer.Join();
        folderMaker?.Join();
    }

    private static Thread Start(string name, Action work)
    {
        var thread = new Thread(() => work()) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    private void WriteQueued()
    {
        foreach (var item in queue.GetConsumingEnumerable())
        {
            if (!abandoned)
                Guard(() => Write(item));
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            // The first failure ends the build's writing; Finish reports it, Dispose cleans up.
            failures.Enqueue(e);
            abandoned = true;
        }
    }

    private string FolderFor(string relativePath)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, relativePath))!;
        if (!folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            folders[folder] = true;
        }

        return folder;
    }

    private void Write(Queued item)
    {
        if (item.Utf8 is not { } utf8)
        {
            Write(item.File!);
            return;
        }

        try
        {
            Write(item.Path, utf8.AsSpan(0, item.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private void Write(OutputFile file)
    {
        if (file.Text is not null)
        {
            // Encoded into a pooled buffer: a thousand pages would otherwise allocate their size again, for the collector.
            var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(file.Text.Length));
            try
            {
                Write(file.Path, buffer.AsSpan(0, Utf8.GetBytes(file.Text, buffer)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return;
        }

        FolderFor(file.Path);
        var target = Path.Combine(Root, file.Path);
        var before = previous is null ? null : Path.Combine(previous, file.Path);
        if (before is null || !SameFile(before, file.CopyFrom!) || !HardLink.TryCreate(before, target))
            File.Copy(file.CopyFrom!, target, overwrite: true);
    }

    private void Write(string path, ReadOnlySpan<byte> bytes)
    {
        FolderFor(path);
        var target = Path.Combine(Root, path);
        var before = previous is null ? null : Path.Combine(previous, path);
        if (before is null || !SameBytes(before, bytes) || !HardLink.TryCreate(before, target))
        {
            using var handle = File.OpenHandle(target, FileMode.Create, FileAccess.Write);
            RandomAccess.Write(handle, bytes, 0);
        }
    }

    /// <summary>Whether the file at <paramref name="path"/> holds exactly <paramref name="bytes"/>.</summary>
    private static bool SameBytes(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            if (RandomAccess.GetLength(handle) != bytes.Length)
                return false;
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
            try
            {
                return RandomAccess.Read(handle, buffer.AsSpan(0, bytes.Length), 0) == bytes.Length && buffer.AsSpan(0, bytes.Length).SequenceEqual(bytes);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool SameFile(string path, string source)
    {
        var a = new FileInfo(path);
        var b = new FileInfo(source);
        return a.Exists && b.Exists && a.Length == b.Length && SameBytes(path, File.ReadAllBytes(source));
    }

    /// <summary>A file for the writers: an output of the list, or a streamed file's UTF-8 in a pooled array they give back.</summary>
    private readonly record struct Queued(OutputFile? File, string Path, byte[]? Utf8, int Length);

    /// <summary>Moves the old output aside, the new one in, then deletes the old one; on failure puts the old one back.</summary>
    private static void Swap(string staging, string output)
    {
        var old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Guid.NewGuid():N}");
        var hadOld = Directory.Exists(output);
        if (hadOld)
            Directory.Move(output, old);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            if (hadOld)
                Directory.Move(old, output);
            throw;
        }

        if (hadOld)
            Directory.Delete(old, recursive: true);
    }
}
