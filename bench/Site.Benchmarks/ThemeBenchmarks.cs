using BenchmarkDotNet.Attributes;
using Site.Core;
using Site.Theme;

namespace Site.Benchmarks;

/// <summary>
/// The theme applied to one page (what ApplyTheme does per page): the page's model (navigation, prev/next, breadcrumbs,
/// tags) and the Handlebars layout of themes/default, in a site of <see cref="Pages"/> corpus pages, since the model
/// lists the whole site's navigation.
/// </summary>
[MemoryDiagnoser]
public class ThemeBenchmarks
{
    private BenchSite site = null!;
    private ThemeTemplates theme = null!;
    private PageModel models = null!;
    private Page page = null!;
    private string layout = "";

    /// <summary>Corpus pages in the site (a multiple of 20); section and tag pages come on top.</summary>
    [Params(20, 1000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        site = BenchSite.Build(copies: Pages / BenchSite.CorpusPages);
        var context = site.Context;
        theme = ThemeTemplates.Load(context.Options.ThemeDirectory, context.Diagnostics)
            ?? throw new InvalidOperationException("themes/default did not load");
        models = new PageModel(Navigation.Build(site.State.Pages, context.Settings), site.State.Pages, context);
        page = site.Representative;
        layout = ApplyTheme.LayoutFor(page, theme, context.Diagnostics) ?? throw new InvalidOperationException("no layout");
        if (context.Diagnostics.HasErrors || !ApplyTemplate().Contains(page.Metadata.Title, StringComparison.Ordinal))
            throw new InvalidOperationException("the theme did not render the page cleanly");
    }

    [GlobalCleanup]
    public void Cleanup() => site.Dispose();

    /// <summary>What the layout sees for the page (PageModel.For).</summary>
    [Benchmark]
    public object Model() => models.For(page);

    /// <summary>The page's model through its layout: the theme stage's work for one page.</summary>
    [Benchmark(Baseline = true)]
    public string ApplyTemplate() => theme.Render(layout, models.For(page));
}
