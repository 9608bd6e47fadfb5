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

    /// <summary>Also write the single-page edition of the whole guide (single-page.html).</summary>
    public bool SinglePage { get; init; }

    /// <summary>For the offline bundle: no base URL, so nothing points outside the site.</summary>
    public bool Offline { get; init; }

    /// <summary>Print the time each stage took.</summary>
    public bool Timings { get; init; }

    /// <summary>Run every snippet, ignoring cached results (the cache is still refreshed).</summary>
    public bool NoCache { get; init; }

    /// <summary>Never run code: take every snippet's result from the cache, and fail where one is missing.</summary>
    public bool Frozen { get; init; }

    /// <summary>The CPython shared library to embed (--python-library, else SITE_PYTHON_LIBRARY); null: find one.</summary>
    public string? PythonLibrary { get; init; }

    /// <summary>Where results are kept between builds (snippet results, highlighted code).</summary>
    public string CacheDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, ".site-cache");

    /// <summary>
    /// Skip the build when nothing it reads changed and the output folder is as the last build left it (see LastBuild).
    /// <c>site build</c> sets it, unless a --report is asked for (the report describes every page, which a skipped build does not know).
    /// </summary>
    public bool SkipWhenUpToDate { get; init; }

    /// <summary>Degree of parallelism for per-page work; 0 means one per core.</summary>
    public int Parallelism { get; init; }

    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
