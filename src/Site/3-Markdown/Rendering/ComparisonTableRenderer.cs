using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Rendering;

/// <summary>Pipe and grid tables as comparison tables: a scrollable wrapper (phones) and the "comparison" class.</summary>
internal sealed class ComparisonTableRenderer : HtmlTableRenderer
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        table.GetAttributes().AddClass("comparison");
        renderer.EnsureLine();
        renderer.Write("<div class=\"table-wrap\">");
        base.Write(renderer, table);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }
}
