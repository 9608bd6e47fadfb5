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

    /// <summary>Everything but writing: the site stays in memory (<c>serve</c>).</summary>
    Preview,
}

/// <summary>The recipe: the one place that says which stages a build runs, in which order.</summary>
internal static class BuildPipeline
{
    public static IReadOnlyList<IStage> Stages(BuildMode mode)
    {
        // check: run the snippets and check the links; everything marked false only makes or writes the site.
        (IStage Stage, bool Checks)[] all =
        [
            // Input
            (new WarmUpLibraries(), true), // their start-up costs, in the background while the files are read
            (new LoadSettings(), true),
            (new CompileTheme(), false), // the templates, in the background until ApplyTheme
            (new ReadFiles(), true),
            (new WarmUpRuntimes(), true), // a head start for the snippets' runtimes, in the background
            (new WarmUpHighlighting(), false), // the grammars the code blocks need, in the background
            (new LoadDataTables(), true),
            // Process
            (new ParseFrontMatter(), true),
            (new AssignUrls(), true),
            (new StartWriting(), false), // from here on files are written in the background, into a staging folder
            (new HoldCollections(), true), // no garbage collection while every page's syntax tree is alive
            (new ParseMarkdown(), true),
            (new CollectSnippets(), true),
            (new RunSnippets(), true),
            (new ResolveLinks(), true),
            (new RenderMarkdown(), false),
            (new ResumeCollections(), true), // the trees are let go of: collect what is left
            // Post-process
            (new GeneratePages(), false),
            (new ApplyTheme(), false),
            (new SinglePageEdition(), false),
            (new AddAssets(), false),
            (new Feeds(), false),
            (new BuildSearchIndex(), false),
            // Output
            (new WriteSite(), false),
        ];
        return [.. all.Where(entry => mode switch
        {
            BuildMode.Check => entry.Checks,
            BuildMode.Preview => entry.Stage.Phase != Phase.Output,
            _ => true,
        }).Select(entry => entry.Stage)];
    }
}
