using BenchmarkDotNet.Attributes;
using Site.Core;
using Site.Markdown;
using Site.Markdown.Links;
using Site.Markdown.Rendering;
using Site.Snippets;

namespace Site.Benchmarks;

/// <summary>
/// Markdown of one representative page (<see cref="BenchSite.RepresentativePage"/>) with the build's own pieces:
/// ParseMarkdown, CollectSnippets, ResolveLinks and RenderMarkdown, in the context of its 20-page site. Code is left
/// unhighlighted (the highlight stage runs in Node; it is measured by bench/run).
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private BenchSite site = null!;
    private Page source = null!;
    private SiteState others = null!;
    private int index;
    private PageRenderContext parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        site = BenchSite.Build(copies: 1, parallelism: 1);
        var page = site.Representative;
        source = page with { Markdown = null, Headings = [], Anchors = [], Snippets = [], ContentHtml = "" };
        index = site.State.Pages.IndexOf(page);
        // The other pages as ResolveLinks sees them: URLs and anchors, no syntax tree (theirs are resolved already).
        others = site.State with { Pages = [.. site.State.Pages.Select(p => p with { Markdown = null })] };
        parsed = new PageRenderContext(page, site.State, new LinkResolver(site.State), site.Context.Diagnostics);
        if (!ParseAndRender().Contains("<table", StringComparison.Ordinal) || site.Context.Diagnostics.HasErrors)
            throw new InvalidOperationException("the representative page did not render cleanly");
    }

    [GlobalCleanup]
    public void Cleanup() => site.Dispose();

    /// <summary>Markdig parse with the site's pipeline, plus the page's headings and anchors.</summary>
    [Benchmark]
    public object Parse() => ParseMarkdown.Parse(source);

    /// <summary>HTML from the parsed, link-resolved page (the render stage for one page).</summary>
    [Benchmark]
    public string Render() => RenderMarkdown.Render(parsed);

    /// <summary>The whole Markdown path of one page: parse, find snippets, resolve links, render.</summary>
    [Benchmark(Baseline = true)]
    public string ParseAndRender()
    {
        var page = ParseMarkdown.Parse(source);
        page = page with { Snippets = CollectSnippets.Collect(page, site.Context.Diagnostics) };
        var state = new ResolveLinks().RunAsync(others with { Pages = others.Pages.SetItem(index, page) }, site.Context, CancellationToken.None)
            .GetAwaiter().GetResult();
        return RenderMarkdown.Render(new PageRenderContext(state.Pages[index], state, parsed.Links, site.Context.Diagnostics));
    }
}
