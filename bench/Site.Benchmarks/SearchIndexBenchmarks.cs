using BenchmarkDotNet.Attributes;
using Site.PostProcessing;

namespace Site.Benchmarks;

/// <summary>
/// The search index: one representative page's rendered HTML read into sections (PageText.Sections, the stage's work per
/// page), and the whole stage (BuildSearchIndex) for a site of 1,000 corpus pages. Snippets are not run, so a page holds
/// their code but not their output (both are left out of the index anyway).
/// </summary>
[MemoryDiagnoser]
public class SearchIndexBenchmarks
{
    private BenchSite site = null!;
    private string html = "";

    [GlobalSetup]
    public void Setup()
    {
        site = BenchSite.Build(copies: 1000 / BenchSite.CorpusPages);
        html = site.State.Pages.Single(p => p.SourcePath == "copy-1/" + BenchSite.RepresentativePage).ContentHtml;
        if (PageText.Sections(html).Count < 3)
            throw new InvalidOperationException("the representative page has no sections");
    }

    [GlobalCleanup]
    public void Cleanup() => site.Dispose();

    /// <summary>One page's text, cut at its headings.</summary>
    [Benchmark(Baseline = true)]
    public object Sections() => PageText.Sections(html);

    /// <summary>assets/search-index.js for the 1,000 pages, in parallel as the build does it.</summary>
    [Benchmark]
    public object Stage() => new BuildSearchIndex().RunAsync(site.State, site.Context, CancellationToken.None).GetAwaiter().GetResult();
}
