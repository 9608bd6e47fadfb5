using Markdig.Syntax;
using Site.Core;

namespace Site.Snippets;

/// <summary>A runnable code block (<c>```python run</c>) and the <c>```output</c> block that states what it must print.</summary>
internal sealed record Snippet
{
    public required SnippetLanguage Language { get; init; }

    public required string Code { get; init; }

    public required SnippetOptions Options { get; init; }

    /// <summary>The opening fence; the code starts on the next line.</summary>
    public required SourceLocation At { get; init; }

    /// <summary>The session this snippet runs in (snippets of one language on one page share it, in page order).</summary>
    public required string Session { get; init; }

    public string? ExpectedOutput { get; init; }

    public SourceLocation? ExpectedAt { get; init; }

    /// <summary>The fence's language as written (<c>py</c>, <c>python</c>, <c>js</c>…).</summary>
    public required string Info { get; init; }

    /// <summary>Its options had errors (reported by CollectSnippets): it is shown but not run.</summary>
    public bool Invalid { get; init; }

    /// <summary>For a snippet inside <c>::: compare</c>: that container.</summary>
    public CompareGroup? Compare { get; init; }
}

/// <summary>
/// Where a page's syntax tree marks its snippets' code and output blocks, for the renderer. The link goes one way only, from
/// the tree to the snippet: a snippet outlives the tree (the report lists it), and must not keep the page's whole tree alive.
/// </summary>
internal static class SnippetBlocks
{
    private static readonly object OutputKey = new();

    public static void Mark(FencedCodeBlock code, FencedCodeBlock? output, Snippet snippet)
    {
        code.SetData(typeof(Snippet), snippet);
        output?.SetData(OutputKey, snippet);
    }

    /// <summary>The snippet whose code this block is.</summary>
    public static Snippet? SnippetOf(Block block) => block.GetData(typeof(Snippet)) as Snippet;

    /// <summary>The block is a snippet's <c>```output</c> block (written with its snippet, not where it stands).</summary>
    public static bool IsOutput(Block block) => block.GetData(OutputKey) is not null;
}

/// <summary>A <c>::: compare</c> container: a JavaScript and a Python snippet shown side by side.</summary>
internal sealed record CompareGroup(SourceLocation At, bool SameOutput);
