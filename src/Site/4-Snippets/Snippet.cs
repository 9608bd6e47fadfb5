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

    /// <summary>The code block in the page's syntax tree, so the renderer can find this snippet.</summary>
    public required FencedCodeBlock Block { get; init; }

    /// <summary>The <c>```output</c> block, when there is one.</summary>
    public FencedCodeBlock? OutputBlock { get; init; }

    /// <summary>Its options had errors (reported by CollectSnippets): it is shown but not run.</summary>
    public bool Invalid { get; init; }

    /// <summary>For a snippet inside <c>::: compare</c>: that container.</summary>
    public CompareGroup? Compare { get; init; }
}

/// <summary>A <c>::: compare</c> container: a JavaScript and a Python snippet shown side by side.</summary>
internal sealed record CompareGroup(SourceLocation At, bool SameOutput);
