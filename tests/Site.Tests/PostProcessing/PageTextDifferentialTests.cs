using Site.Core;
using Site.PostProcessing;
using Site.Snippets.Running;
using Site.Tests.Support;
using Site.Theme;

namespace Site.Tests.PostProcessing;

/// <summary>
/// <see cref="PageText"/> reads HTML with its own scanner; a browser's parser (AngleSharp, which the search index used
/// before) must find the same sections in real pages and in random ones.
/// </summary>
public sealed class PageTextDifferentialTests
{
    [Fact]
    public void The_guides_pages_read_as_a_browser_reads_them()
    {
        var pages = GuidePages();

        Assert.True(pages.Count >= 20, $"only {pages.Count} pages in input/");
        Assert.All(pages, page => Assert.Equal(AngleSharpPageText.Sections(page.ContentHtml), PageText.Sections(page.ContentHtml)));
    }

    [Fact]
    public void The_golden_renderings_read_as_a_browser_reads_them()
    {
        var files = Directory.GetFiles(TestPaths.GoldenOutput, "*.html");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var html = File.ReadAllText(file);
            Assert.Equal(AngleSharpPageText.Sections(html), PageText.Sections(html));
        });
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Random_html_reads_as_a_browser_reads_it(int seed, bool sloppy)
    {
        var random = new RandomHtml(seed, sloppy);
        for (var i = 0; i < 1500; i++)
        {
            var html = random.Next();
            Assert.True(AngleSharpPageText.Sections(html).SequenceEqual(PageText.Sections(html)), html);
        }
    }

    /// <summary>The guide (input/) rendered as a build renders it, less highlighting and snippet runs (code is left out of the text anyway).</summary>
    private static List<Page> GuidePages()
    {
        using var cache = new TempFolder();
        var context = new BuildContext
        {
            Options = new BuildOptions
            {
                InputDirectory = Path.Combine(TestPaths.RepositoryRoot, "input"),
                OutputDirectory = cache["output"],
                ThemeDirectory = TestPaths.DefaultTheme,
                CacheDirectory = cache["cache"],
            },
            Diagnostics = new Site.Core.Diagnostics(),
            Progress = SilentProgress.Instance,
        };
        var state = new SiteState();
        foreach (var stage in BuildPipeline.Stages(BuildMode.Build).TakeWhile(s => s is not ApplyTheme).Where(s => s is not RunSnippets))
            state = stage.RunAsync(state, context, CancellationToken.None).GetAwaiter().GetResult();
        return [.. state.Pages.Where(p => p.ContentHtml.Length > 0)];
    }
}
