namespace Site.Core;

/// <summary>The options of a build, mirroring the command line. Paths are absolute once validated.</summary>
internal sealed record BuildOptions
{
    /// <summary>The folder of Markdown pages and data (default: ./input).</summary>
    public required string InputDirectory { get; init; }

    /// <summary>Where the site is written (default: ./output). Replaced whole, only when the build succeeds.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The theme folder (default: ./themes/default).</summary>
    public required string ThemeDirectory { get; init; }

    /// <summary>Include pages marked <c>draft: true</c>.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>The absolute URL the site is served from (canonical links, sitemap); overrides site.yml. Null: none.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Print the time each stage took.</summary>
    public bool Timings { get; init; }

    /// <summary>Degree of parallelism for per-page work; 0 means one per core.</summary>
    public int Parallelism { get; init; }

    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
