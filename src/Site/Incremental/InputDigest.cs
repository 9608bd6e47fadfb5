using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Site.Core;
using Site.Reading;

namespace Site.Incremental;

/// <summary>
/// One hash of everything a build's output is made from, besides the snippet runtimes (see <see cref="LastBuild"/>): every
/// file of the input and the theme (names and bytes), the options that change the site, the environment variables the
/// build reads, the generator itself and the year (the footer shows it).
/// </summary>
internal static class InputDigest
{
    /// <summary>The digest; null when a file cannot be read (the build then runs, and reports it where it matters).</summary>
    /// <param name="read">Where to keep the bytes read, by full path: ReadFiles takes the pages' from there rather than
    /// reading them again, and so builds from exactly the bytes the digest describes.</param>
    public static string? Compute(BuildOptions options, ConcurrentDictionary<string, byte[]>? read = null)
    {
        try
        {
            return Digest(options, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
            || e is AggregateException all && all.InnerExceptions.All(inner => inner is IOException or UnauthorizedAccessException))
        {
            return null;
        }
    }

    private static string Digest(BuildOptions options, ConcurrentDictionary<string, byte[]>? read)
    {
        var header = string.Join('\0',
            typeof(InputDigest).Assembly.ManifestModule.ModuleVersionId, DateTime.UtcNow.Year,
            options.InputDirectory, options.OutputDirectory, options.ThemeDirectory, options.IncludeDrafts, options.BaseUrl,
            options.SinglePage, options.Offline, options.Frozen, options.PythonLibrary,
            Environment.GetEnvironmentVariable(Snippets.Engines.Python.PythonLocator.EnvironmentVariable), Environment.GetEnvironmentVariable(NodeTools.Variable));
        var files = FilesUnder(options.InputDirectory, options.OutputDirectory, "input")
            .Concat(FilesUnder(options.ThemeDirectory, options.OutputDirectory, "theme"))
            .ToArray();
        // Each file hashed on its own (in parallel), then the list of (name, hash) in order.
        var hashes = new string[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var bytes = File.ReadAllBytes(files[i].Path);
            // Only pages are read again (images, data and the theme are not): keeping the rest would only hold memory.
            if (read is not null && files[i].Name.StartsWith("input/", StringComparison.Ordinal) && ReadFiles.IsMarkdown(files[i].Name))
                read.TryAdd(files[i].Path, bytes);
            hashes[i] = files[i].Name + "\0" + Convert.ToHexString(SHA256.HashData(bytes));
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header + "\n" + string.Join('\n', hashes))));
    }

    /// <summary>Every file under <paramref name="root"/> that ReadFiles' walk finds (the '_' files and data too), in name order.</summary>
    private static IEnumerable<(string Name, string Path)> FilesUnder(string root, string output, string label) =>
        !Directory.Exists(root) ? []
            : ReadFiles.Walk(root, output).Select(f => (Name: label + "/" + f.Relative, Path: f.Info.FullName)).OrderBy(f => f.Name, StringComparer.Ordinal);
}
