using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Markdown.Highlighting;
using Site.Markdown.Highlighting.Engine;
using Site.Snippets;

namespace Site.Markdown.Rendering;

/// <summary>
/// Code blocks with a header (language, copy button), highlighted as they are rendered (highlight.js's HTML, in process); runnable snippets with their output.
/// A fence in a language nothing understands ("dataview") is shown as plain, escaped code.
/// </summary>
internal sealed class SiteCodeBlockRenderer(PageRenderContext context) : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        if (block is YamlFrontMatterBlock)
            return;

        if (SnippetBlocks.SnippetOf(block) is { } snippet)
        {
            WriteSnippet(renderer, snippet);
            return;
        }

        // The output block is written together with its snippet, not where it stands.
        if (SnippetBlocks.IsOutput(block))
            return;

        var fence = block as FencedCodeBlock;
        WriteCode(renderer, fence?.Info, block.Lines.ToString(), snippet: null);
    }

    internal void WriteSnippet(HtmlRenderer renderer, Snippet snippet)
    {
        if (!snippet.Options.Hide)
            WriteCode(renderer, snippet.Info, snippet.Code, snippet);
        if (snippet.Options.HideOutput)
            return;
        if (context.Site.SnippetOutcomes.TryGetValue(snippet, out var outcome) && outcome.Result is not null)
            SnippetOutputHtml.Write(renderer, outcome);
        else if (snippet.ExpectedOutput is { } expected)
            SnippetOutputHtml.WritePending(renderer, expected); // not run (rendering without the run stage)
    }

    private void WriteCode(HtmlRenderer renderer, string? info, string code, Snippet? snippet)
    {
        var language = CodeLanguages.HighlighterName(info);
        var dataLang = string.IsNullOrEmpty(info) ? "text" : info;
        renderer.EnsureLine();
        renderer.Write(snippet is null ? "<div class=\"code-block\" data-lang=\"" : "<div class=\"code-block snippet\" data-lang=\"")
            .WriteEscape(dataLang).Write("\"><div class=\"code-header\"><span class=\"code-lang\">")
            .WriteEscape(CodeLanguages.Label(info)).Write("</span>");
        if (snippet is not null)
            renderer.Write("<span class=\"snippet-badge\" title=\"Runs at build time\">▶ runs</span>");
        renderer.Write("<button type=\"button\" class=\"copy-button\" aria-label=\"Copy code\">Copy</button></div><pre><code class=\"");
        renderer.Write(language is null ? "nohighlight" : "hljs language-" + language).Write("\">");
        if (language is not null && Highlighter.Highlight(language, code) is { } html)
            renderer.Write(html);
        else
            renderer.WriteEscape(code);
        renderer.WriteLine("</code></pre></div>");
    }
}
