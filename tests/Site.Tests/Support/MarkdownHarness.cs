using System.Collections.Immutable;
using Site.Core;
using Site.FrontMatter;
using Site.Markdown;
using Site.Markdown.Links;
using Site.Markdown.Rendering;
using Site.Reading;
using Site.Snippets;

namespace Site.Tests.Support;

/// <summary>
/// Renders one Markdown page the way the build does (ParseMarkdown, CollectSnippets, ResolveLinks, RenderMarkdown), without
/// the theme (code is highlighted, in process, as the build does it).
/// </summary>
internal static class MarkdownHarness
{
    /// <summary>A data table every rendered page can show with <c>::: comparison langs</c>.</summary>
    public const string LangsTable = """
        title: Python and JavaScript
        columns:
          concept: Concept
          python: Python
          javascript: JavaScript
        rows:
          - concept: Run a file
            python: "`python app.py`"
            javascript: "`node app.js`"
            topic: runtime
            link: comparison.md
          - concept: Install a package
            python: "`pip install requests`"
            javascript: "`npm install axios`"
            topic: packages
          - concept: Event loop
            python: "**asyncio**, started by you"
            javascript: always running
            topic: runtime
        """;

    public static (string Html, IReadOnlyList<Diagnostic> Diagnostics, Page Page) Render(string markdown, string sourcePath = "page.md")
    {
        var diagnostics = new Diagnostics();
        var table = LoadDataTables.Parse("langs", "data/langs.yml", LangsTable, diagnostics)!;
        var page = new Page
        {
            SourcePath = sourcePath,
            DisplayPath = sourcePath,
            Text = markdown,
            Section = ReadFiles.SectionOf(sourcePath),
            Metadata = PageMetadata.Empty with { Title = "Test" },
        };
        page = page with { OutputPath = AssignUrls.OutputPathOf(page) };
        page = ParseMarkdown.Parse(page);
        page = page with { Snippets = CollectSnippets.Collect(page, diagnostics) };
        var state = new SiteState
        {
            Pages = [page],
            DataTables = ImmutableDictionary<string, DataTable>.Empty.Add(table.Name, table),
        };
        var context = new BuildContext
        {
            Options = new BuildOptions { InputDirectory = Path.GetTempPath(), OutputDirectory = Path.GetTempPath(), ThemeDirectory = Path.GetTempPath(), Parallelism = 1 },
            Diagnostics = diagnostics,
            Progress = SilentProgress.Instance,
        };
        state = new ResolveLinks().RunAsync(state, context, CancellationToken.None).GetAwaiter().GetResult();
        var html = RenderMarkdown.Render(new PageRenderContext(page, state, new LinkResolver(state), diagnostics));
        return (html, diagnostics.Sorted(), page);
    }
}
