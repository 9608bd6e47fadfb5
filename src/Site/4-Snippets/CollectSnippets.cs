using System.Collections.Immutable;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Site.Core;
using Site.Markdown;

namespace Site.Snippets;

/// <summary>
/// Finds each page's runnable snippets (<c>```python run</c>, <c>```js run ...</c>) with their options, sessions and expected
/// <c>```output</c> blocks, and checks every <c>::: compare</c> holds one JavaScript and one Python snippet.
/// </summary>
internal sealed class CollectSnippets : IStage
{
    public const string OutputInfo = "output";
    public const string RunWord = "run";

    public Phase Phase => Phase.Process;

    public string Name => "snippets";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // A rebuild keeps the snippets of a syntax tree it kept (ParseMarkdown): the same blocks, already marked.
        var memo = context.RebuildCache?.Memo<MarkdownDocument?, ImmutableArray<Snippet>>(Name);
        var snippets = PerPage.Map(state.Pages, memo, page => page.SourcePath, page => page.Markdown,
            (page, diagnostics) => page.Markdown is null ? page.Snippets : Collect(page, diagnostics), context, cancellationToken);
        var pages = state.Pages.Select((page, i) => page with { Snippets = snippets[i] }).ToImmutableArray();
        return Task.FromResult(state with { Pages = pages });
    }

    internal static ImmutableArray<Snippet> Collect(Page page, Diagnostics diagnostics)
    {
        var snippets = ImmutableArray.CreateBuilder<Snippet>();
        var blocks = new List<FencedCodeBlock>();
        var compares = new List<CustomContainer>();
        MarkdownWalk.Blocks(page.Markdown!, node =>
        {
            if (node is FencedCodeBlock code)
                blocks.Add(code);
            else if (node is CustomContainer { Info: "compare" } container)
                compares.Add(container);
        });
        foreach (var block in blocks)
        {
            var words = (block.Arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0] != RunWord)
                continue;

            var at = page.At(block.Line + 1, block.Column + 1);
            if (SnippetLanguages.FromFence(block.Info) is not { } language)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSnippetOption, at,
                    $"'{block.Info} run': only python (py) and js (javascript) snippets can run");
                continue;
            }

            var errors = new List<string>();
            var options = SnippetOptionsParser.Parse(words.Skip(1), errors);
            foreach (var error in errors)
                diagnostics.Error(DiagnosticCodes.InvalidSnippetOption, at, error);

            var output = NextBlock(block) is FencedCodeBlock { Info: OutputInfo } next ? next : null;
            var compare = block.Parent is CustomContainer { Info: "compare" } container
                ? new CompareGroup(page.At(container.Line + 1, container.Column + 1), (container.Arguments ?? "").Contains("same-output"))
                : null;
            var session = options.Isolated ? $"isolated@{block.Line + 1}" : options.Session ?? "page";
            var snippet = new Snippet
            {
                Language = language,
                Code = block.Lines.ToString(),
                Options = options,
                At = at,
                Session = $"{language.Key()}:{session}",
                ExpectedOutput = output?.Lines.ToString(),
                ExpectedAt = output is null ? null : page.At(output.Line + 2, 1),
                Info = block.Info ?? "",
                Compare = compare,
                Invalid = errors.Count > 0,
            };
            SnippetBlocks.Mark(block, output, snippet);
            snippets.Add(snippet);
        }

        CheckCompareContainers(page, compares, diagnostics);
        return snippets.ToImmutable();
    }

    private static Block? NextBlock(Block block)
    {
        var parent = block.Parent;
        if (parent is null)
            return null;
        var index = parent.IndexOf(block);
        return index + 1 < parent.Count ? parent[index + 1] : null;
    }

    private static void CheckCompareContainers(Page page, List<CustomContainer> compares, Diagnostics diagnostics)
    {
        foreach (var container in compares)
        {
            var languages = container.OfType<FencedCodeBlock>()
                .Select(SnippetBlocks.SnippetOf)
                .OfType<Snippet>()
                .Select(snippet => snippet.Language)
                .ToList();
            if (languages.Count != 2 || !languages.Contains(SnippetLanguage.JavaScript) || !languages.Contains(SnippetLanguage.Python))
            {
                diagnostics.Error(DiagnosticCodes.InvalidCompare, page.At(container.Line + 1, container.Column + 1),
                    "'::: compare' must hold exactly one 'js run' and one 'python run' snippet");
            }
        }
    }
}
