using Site.FrontMatter;
using Site.Markdown;
using Site.Markdown.Highlighting;
using Site.Markdown.Links;
using Site.Markdown.Rendering;
using Site.PostProcessing;
using Site.Reading;
using Site.Snippets;
using Site.Snippets.Running;
using Site.Theme;
using Site.Writing;

namespace Site.Core;

/// <summary>What a run of the pipeline is for.</summary>
internal enum BuildMode
{
    /// <summary>Everything, and write the site.</summary>
    Build,

    /// <summary>Run and verify the snippets and check links; render and write nothing.</summary>
    Check,
}

/// <summary>The recipe: the one place that says which stages a build runs, in which order.</summary>
internal static class BuildPipeline
{
    public static IReadOnlyList<IStage> Stages(BuildMode mode) => mode == BuildMode.Check
        ?
        [
            new LoadSettings(),
            new ReadFiles(),
            new LoadDataTables(),
            new ParseFrontMatter(),
            new AssignUrls(),
            new ParseMarkdown(),
            new CollectSnippets(),
            new RunSnippets(),
            new ResolveLinks(),
        ]
        :
        [
            // Input
            new LoadSettings(),
            new ReadFiles(),
            new LoadDataTables(),
            // Process
            new ParseFrontMatter(),
            new AssignUrls(),
            new ParseMarkdown(),
            new CollectSnippets(),
            new RunSnippets(),
            new HighlightCode(),
            new ResolveLinks(),
            new RenderMarkdown(),
            // Post-process
            new GeneratePages(),
            new ApplyTheme(),
            new AddAssets(),
            // Output
            new WriteSite(),
        ];
}
