using System.Collections.Immutable;
using Site.Reading;
using Site.Snippets;
using Site.Snippets.Running;
using Site.Theme;

namespace Site.Core;

/// <summary>What the pipeline carries from stage to stage: the pages and the site-wide inputs and outputs.</summary>
internal sealed record SiteState
{
    public ImmutableArray<Page> Pages { get; init; } = [];

    /// <summary>Source paths of the drafts left out of this build, so a link to one says so.</summary>
    public ImmutableHashSet<string> ExcludedDrafts { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Non-Markdown files of the input (images, downloads), copied as they are. Relative, '/' separated.</summary>
    public ImmutableArray<string> StaticFiles { get; init; } = [];

    public ImmutableDictionary<string, DataTable> DataTables { get; init; } = ImmutableDictionary<string, DataTable>.Empty;

    /// <summary>What became of each snippet (by reference: a snippet is one block of one page).</summary>
    public ImmutableDictionary<Snippet, SnippetOutcome> SnippetOutcomes { get; init; } =
        ImmutableDictionary<Snippet, SnippetOutcome>.Empty.WithComparers(ReferenceEqualityComparer.Instance);

    /// <summary>The theme being compiled in the background (started by CompileTheme, awaited by ApplyTheme).</summary>
    public Task<ThemeTemplates?>? ThemeCompilation { get; init; }

    /// <summary>The site's order (sidebar, reading order), made once by GeneratePages from the final pages; the stages
    /// after it add outputs, not pages.</summary>
    public Navigation? Navigation { get; init; }

    /// <summary>Files to write, keyed by path relative to the output folder.</summary>
    public ImmutableArray<OutputFile> Outputs { get; init; } = [];
}

/// <summary>
/// One file of the built site: either text we made or a file copied from disk; neither when its stage handed it to the
/// writers as it was made (<see cref="Writing.StagedOutput.Stream"/>), without keeping it.
/// </summary>
internal sealed record OutputFile(string Path, string? Text, string? CopyFrom)
{
    public bool Streamed => Text is null && CopyFrom is null;
}
