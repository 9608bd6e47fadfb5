using Site.Reading;
using Site.Snippets.Engines;
using Site.Theme;

namespace Site.Core;

/// <summary>What every stage may read: the options, the site settings, the theme, and where to report.</summary>
internal sealed class BuildContext
{
    public required BuildOptions Options { get; init; }

    public required Diagnostics Diagnostics { get; init; }

    public required IBuildProgress Progress { get; init; }

    public SiteSettings Settings { get; set; } = SiteSettings.Default;

    public ThemeTemplates? Theme { get; set; }

    /// <summary>Where snippets run; tests replace it.</summary>
    public ISnippetRuntimes Runtimes { get; init; } = null!;

    /// <summary>What earlier builds of this process computed, for stages to reuse where the inputs are unchanged
    /// (the preview server keeps one); null in a one-off build, where every stage computes everything.</summary>
    public RebuildCache? RebuildCache { get; init; }

    /// <summary>Pages the up-to-date check read (bytes by full path), for ReadFiles to take instead of reading them again.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> ReadAhead { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a build that writes puts its files until they replace the output folder; null until writing starts.</summary>
    public Writing.StagedOutput? Staging { get; set; }

    /// <summary>Collections held off while the pages' syntax trees are alive (see HoldCollections); null when not held.</summary>
    public CollectionPause? CollectionPause { get; set; }

    /// <summary>A folder for results kept between builds (highlighted code), under the working directory.</summary>
    public string CacheDirectory => Options.CacheDirectory;

    /// <summary>How diagnostics name a file of the input: relative to the working directory when that is shorter.</summary>
    public string DisplayPath(string relativeToInput)
    {
        var full = Path.Combine(Options.InputDirectory, relativeToInput);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }

    public ParallelOptions ParallelOptions(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Options.EffectiveParallelism, CancellationToken = cancellationToken };
}
