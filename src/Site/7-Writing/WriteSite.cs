using System.Buffers;
using System.Text;
using Site.Core;

namespace Site.Writing;

/// <summary>
/// Writes the site into a fresh folder beside the output folder, then swaps it in: output/ is replaced whole or not at all.
/// Does nothing when the build has errors, so a failed build leaves the previous output as it was. A file the previous
/// output holds byte for byte is linked into the new folder rather than written again (see <see cref="HardLink"/>).
/// </summary>
internal sealed class WriteSite : IStage
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Phase Phase => Phase.Output;

    public string Name => "write";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        if (context.Diagnostics.HasErrors)
            return Task.FromResult(state);

        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(context.Options.OutputDirectory));
        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.tmp-{Guid.NewGuid():N}");
        try
        {
            var previous = File.Exists(Path.Combine(output, OutputFolder.MarkerFile)) ? output : null;
            WriteAll(staging, previous, state.Outputs, context.Options.EffectiveParallelism, cancellationToken);
            File.WriteAllText(Path.Combine(staging, OutputFolder.MarkerFile), "Written by the site generator; the whole folder is replaced by each build.\n");
            Swap(staging, output);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }

        return Task.FromResult(state);
    }

    private static void WriteAll(string root, string? previous, IReadOnlyList<OutputFile> files, int cores, CancellationToken cancellationToken)
    {
        foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.Combine(root, f.Path))!).Distinct())
            Directory.CreateDirectory(folder);
        // Writing waits on the disk more than on the CPU, and creating files in one folder takes that folder's lock:
        // more writers than cores, each mostly in a different folder.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, cores), CancellationToken = cancellationToken };
        Parallel.ForEach(AcrossFolders(files), options, file =>
        {
            var target = Path.Combine(root, file.Path);
            var before = previous is null ? null : Path.Combine(previous, file.Path);
            if (file.Text is not null)
            {
                var bytes = Utf8.GetBytes(file.Text);
                if (before is null || !SameBytes(before, bytes) || !HardLink.TryCreate(before, target))
                    File.WriteAllBytes(target, bytes);
            }
            else if (before is null || !SameFile(before, file.CopyFrom!) || !HardLink.TryCreate(before, target))
            {
                File.Copy(file.CopyFrom!, target, overwrite: true);
            }
        });
    }

    /// <summary>The files taken one folder after another in turn (a/1, b/1, c/1, a/2, ...), so parallel writers rarely share a folder.</summary>
    internal static IEnumerable<OutputFile> AcrossFolders(IReadOnlyList<OutputFile> files)
    {
        var queues = files.GroupBy(f => Path.GetDirectoryName(f.Path) ?? "").Select(g => new Queue<OutputFile>(g)).ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues)
                yield return queue.Dequeue();
            queues.RemoveAll(q => q.Count == 0);
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
