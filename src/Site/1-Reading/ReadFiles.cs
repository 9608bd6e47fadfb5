using System.Text;
using Site.Core;

namespace Site.Reading;

/// <summary>
/// Finds the input's Markdown pages (strict UTF-8) and its static files. Skips hidden files, names starting with '_',
/// the data folder, the settings file, and the output folder when it lies inside the input.
/// </summary>
internal sealed class ReadFiles : IStage
{
    public const string DataFolder = "data";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Phase Phase => Phase.Input;

    public string Name => "read";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var input = context.Options.InputDirectory;
        var files = Enumerate(input, context.Options.OutputDirectory).ToList();
        var markdown = files.Where(f => IsMarkdown(f.Relative)).OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
        // A rebuild reads only the files whose stamp changed, and keeps the same text instance for the others.
        var memo = context.RebuildCache?.Memo<FileStamp, string?>(Name);
        var texts = PerPage.Map(markdown, memo, f => f.Relative, f => FileStamp.Of(f.Info),
            (f, diagnostics) => Decode(context.ReadAhead.TryRemove(f.Info.FullName, out var read) ? read : File.ReadAllBytes(f.Info.FullName),
                context.DisplayPath(f.Relative), diagnostics),
            context, cancellationToken);
        context.ReadAhead.Clear(); // what no page took (a '_' file, a page in the output folder) is not needed again
        var pages = markdown
            .Select((f, i) => texts[i] is { } text
                ? new Page { SourcePath = f.Relative, DisplayPath = context.DisplayPath(f.Relative), Text = text, Section = SectionOf(f.Relative) }
                : null)
            .OfType<Page>();

        return Task.FromResult(state with
        {
            Pages = [.. pages],
            StaticFiles = [.. files.Select(f => f.Relative).Where(f => !IsMarkdown(f)).Order(StringComparer.Ordinal)],
        });
    }

    internal static string? SectionOf(string relativePath)
    {
        var slash = relativePath.IndexOf('/');
        return slash < 0 ? null : relativePath[..slash];
    }

    /// <summary>Decodes strict UTF-8 (a leading BOM is dropped); reports the first bad byte's line and column.</summary>
    internal static string? Decode(byte[] bytes, string path, Diagnostics diagnostics)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var bad = start + Math.Max(0, e.Index);
            var prefix = bytes.AsSpan(start, bad - start);
            var line = prefix.Count((byte)'\n') + 1;
            var lineStart = prefix.LastIndexOf((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(prefix[lineStart..]) + 1;
            diagnostics.Error(DiagnosticCodes.NotUtf8, new SourceLocation(path, line, column),
                $"file is not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad}); save it as UTF-8");
            return null;
        }
    }

    internal static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>The input's files: their paths relative to it ('/' separated), and what the file system says of them.</summary>
    private static IEnumerable<(string Relative, FileInfo Info)> Enumerate(string input, string output) =>
        Walk(input, output, (entry, relative) => entry.Name.StartsWith('_')
            || (entry is DirectoryInfo ? relative == DataFolder : relative is LoadSettings.FileName or "site.yaml"));

    /// <summary>
    /// Every file under <paramref name="root"/> but hidden ones, node_modules, the output folder and what
    /// <paramref name="skip"/> (given the entry and its relative path) leaves out, a folder with all it holds; with its path
    /// relative to the root ('/' separated). The up-to-date check walks the input and the theme this way too.
    /// </summary>
    internal static IEnumerable<(string Relative, FileInfo Info)> Walk(string root, string output, Func<FileSystemInfo, string, bool>? skip = null)
    {
        var outputFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        // Relative paths are built folder by folder: working one out from each full path costs more than the file's stat.
        var pending = new Stack<(DirectoryInfo Folder, string Prefix)>([(new DirectoryInfo(root), "")]);
        while (pending.TryPop(out var next))
        {
            foreach (var entry in next.Folder.EnumerateFileSystemInfos())
            {
                if (entry.Name.StartsWith('.') || entry.Name == "node_modules")
                    continue;
                var relative = next.Prefix + entry.Name;
                if (skip?.Invoke(entry, relative) == true)
                    continue;
                if (entry is DirectoryInfo directory)
                {
                    if (Path.TrimEndingDirectorySeparator(directory.FullName) != outputFull)
                        pending.Push((directory, relative + "/"));
                }
                else
                {
                    yield return (relative, (FileInfo)entry);
                }
            }
        }
    }

    /// <summary>
    /// A file's size and time, which change when it is written. A file written in the last second is not trusted to have
    /// settled: a second write within the same tick of the file system's clock would leave the stamp as it was.
    /// </summary>
    internal readonly record struct FileStamp(long Length, DateTime Written, bool Settled)
    {
        public static FileStamp Of(FileInfo info) =>
            new(info.Length, info.LastWriteTimeUtc, info.LastWriteTimeUtc < DateTime.UtcNow.AddSeconds(-1));
    }
}
