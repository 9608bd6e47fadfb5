using Site.FrontMatter;
using Site.Markdown;
using Site.Markdown.Highlighting;
using Site.Markdown.Links;
using Site.Markdown.Rendering;
using Site.PostProcessing;
using Site.Reading;
using Site.Snippets;
using Site.Theme;
using Site.Writing;

namespace Site.Core;

/// <summary>The recipe: the one place that says which stages a build runs, in which order.</summary>
internal static class BuildPipeline
{
    public static IReadOnlyList<IStage> Stages(bool write) =>
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
        new HighlightCode(),
        new ResolveLinks(),
        new RenderMarkdown(),
        // Post-process
        new GeneratePages(),
        new ApplyTheme(),
        new AddAssets(),
        // Output
        .. write ? [new WriteSite()] : Array.Empty<IStage>(),
    ];
}
