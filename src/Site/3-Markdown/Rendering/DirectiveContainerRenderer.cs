using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Syntax;
using Site.Snippets;

namespace Site.Markdown.Rendering;

/// <summary>
/// The <c>:::</c> directives: <c>::: comparison NAME [topic=...]</c> renders a data table from input/data/NAME.yml,
/// <c>::: compare [same-output]</c> puts a JavaScript and a Python snippet side by side; any other name is a plain &lt;div class="name"&gt;.
/// </summary>
internal sealed class DirectiveContainerRenderer(PageRenderContext context) : HtmlCustomContainerRenderer
{
    /// <summary>The directive that shows a data table.</summary>
    public const string DataTable = "comparison";

    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        switch (container.Info)
        {
            case DataTable:
                DataTableHtml.Write(renderer, container, context);
                break;
            case "compare":
                WriteCompare(renderer, container);
                break;
            default:
                base.Write(renderer, container);
                break;
        }
    }

    private static void WriteCompare(HtmlRenderer renderer, CustomContainer container)
    {
        var snippets = container
            .Select(block => (Block: block, Snippet: SnippetBlocks.SnippetOf(block)))
            .Where(pair => pair.Snippet is not null)
            .OrderBy(pair => pair.Snippet!.Language == SnippetLanguage.JavaScript ? 0 : 1)
            .ToList();
        var sameOutput = (container.Arguments ?? "").Contains("same-output");

        renderer.EnsureLine();
        renderer.Write("<div class=\"compare\" data-same-output=\"").Write(sameOutput ? "true" : "false").Write("\">");
        foreach (var other in container.Where(b => SnippetBlocks.SnippetOf(b) is null && !SnippetBlocks.IsOutput(b)))
            renderer.Write(other);
        renderer.Write("<div class=\"compare-tabs\" role=\"tablist\">");
        for (var i = 0; i < snippets.Count; i++)
        {
            renderer.Write("<button type=\"button\" role=\"tab\" aria-selected=\"").Write(i == 0 ? "true" : "false")
                .Write("\" data-pane=\"").Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("\">")
                .Write(snippets[i].Snippet!.Language.DisplayName()).Write("</button>");
        }

        renderer.Write("</div><div class=\"compare-panes\">");
        foreach (var (block, snippet) in snippets)
        {
            renderer.Write("<div class=\"compare-pane\" role=\"tabpanel\" data-lang=\"").Write(snippet!.Language.Key()).Write("\">");
            renderer.Write(block);
            renderer.Write("</div>");
        }

        renderer.WriteLine("</div></div>");
    }
}
