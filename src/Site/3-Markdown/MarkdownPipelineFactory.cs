using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Site.Markdown.Callouts;

namespace Site.Markdown;

/// <summary>The one Markdig pipeline of a build, built once and shared by every page (it is immutable).</summary>
internal static class MarkdownPipelineFactory
{
    public static readonly MarkdownPipeline Pipeline = Create();

    private static MarkdownPipeline Create() => new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UseEmphasisExtras(EmphasisExtraOptions.Default)
        .UseAutoLinks()
        .UseDefinitionLists()
        .UseAbbreviations()
        .Use<CalloutExtension>()
        .UseGenericAttributes() // last, as Markdig asks: it reads attributes other extensions leave behind
        .UsePreciseSourceLocation()
        .Build();
}
