using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core;
using Site.Snippets;
using Site.Snippets.Engines;

namespace Site.Incremental;

/// <summary>
/// What the last successful build read and wrote, kept in the cache folder (last-build.json). A build that finds the same
/// inputs (<see cref="InputDigest"/>), the same snippet runtimes, and the output folder exactly as that build left it
/// (every file's name, size and time) has nothing to do: it reports that build's result instead of making it again.
/// </summary>
internal sealed record LastBuild(
    string Inputs,
    string Output,
    Dictionary<string, string> Runtimes,
    List<LastBuild.WrittenFile> Files,
    int PageCount,
    int SnippetsPassed,
    List<LastBuild.Warning> Warnings)
{
    public const string FileName = "last-build.json";

    /// <summary>One file of the output as the build left it.</summary>
    internal sealed record WrittenFile(string Path, long Length, long Written);

    /// <summary>A warning of that build, shown again: an unchanged site still has it.</summary>
    internal sealed record Warning(string Code, string Message, string? Path, int Line, int Column, string? Detail)
    {
        public static Warning Of(Diagnostic d) => new(d.Code, d.Message, d.Location?.Path, d.Location?.Line ?? 0, d.Location?.Column ?? 0, d.Detail);

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Warning(Code, Path is null ? null : new SourceLocation(Path, Line, Column), Message) with { Detail = Detail };
    }

    private static string FilePath(BuildOptions options) => System.IO.Path.Combine(options.CacheDirectory, FileName);

    /// <summary>The record of the last build, or null when there is none (or it cannot be read).</summary>
    public static LastBuild? Load(BuildOptions options)
    {
        try
        {
            using var stream = File.OpenRead(FilePath(options));
            return JsonSerializer.Deserialize(stream, LastBuildJson.Default.LastBuild);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Records a successful build; a failure to record only costs the next build its shortcut.</summary>
    public static void Save(BuildOptions options, string inputs, BuildResult result, ISnippetRuntimes runtimes)
    {
        try
        {
            var languages = result.SnippetOutcomes.Keys.Select(s => s.Language).Distinct();
            var record = new LastBuild(inputs, options.OutputDirectory, languages.ToDictionary(l => l.ToString(), runtimes.Identify),
                Scan(options.OutputDirectory), result.PageCount, result.SnippetOutcomes.Values.Count(o => o.Passed),
                [.. result.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(Warning.Of)]);
            AtomicFile.Write(FilePath(options), stream => JsonSerializer.Serialize(stream, record, LastBuildJson.Default.LastBuild));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or RuntimeUnavailableException)
        {
        }
    }

    /// <summary>Whether a build with these inputs would make exactly the output this build left, which is still there.</summary>
    public bool StillHolds(string inputs, BuildOptions options, ISnippetRuntimes runtimes)
    {
        if (Inputs != inputs || Output != options.OutputDirectory)
            return false;
        try
        {
            return Runtimes.All(r => Enum.TryParse<SnippetLanguage>(r.Key, out var language) && runtimes.Identify(language) == r.Value)
                && Scan(options.OutputDirectory).SequenceEqual(Files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or RuntimeUnavailableException)
        {
            return false;
        }
    }

    /// <summary>The build's result, as this record keeps it.</summary>
    public BuildResult Result(TimeSpan elapsed) =>
        new(ExitCode.Success, [.. Warnings.Select(w => w.ToDiagnostic())], PageCount, elapsed, [("up to date", elapsed)])
        {
            UpToDate = true,
            SnippetsPassed = SnippetsPassed,
        };

    private static List<WrittenFile> Scan(string output)
    {
        if (!Directory.Exists(output))
            return [];
        return new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => new WrittenFile(System.IO.Path.GetRelativePath(output, f.FullName).Replace('\\', '/'), f.Length, f.LastWriteTimeUtc.Ticks))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }
}

[JsonSerializable(typeof(LastBuild))]
internal sealed partial class LastBuildJson : JsonSerializerContext;
