using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Core;
using Site.Reading;

namespace Site.Markdown.Rendering;

/// <summary>Writes <c>::: comparison NAME [topic=a,b]</c> as a table of the rows of input/data/NAME.yml.</summary>
internal static class DataTableHtml
{
    private static readonly MarkdownPipeline CellPipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UseAutoLinks().Build();

    public static void Write(HtmlRenderer renderer, CustomContainer container, PageRenderContext context)
    {
        var page = context.Page;
        var at = page.At(container.Line + 1, container.Column + 1);
        var words = (container.Arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !context.Site.DataTables.TryGetValue(words[0], out var table))
        {
            var known = string.Join(", ", context.Site.DataTables.Keys.Order(StringComparer.Ordinal));
            context.Diagnostics.Error(DiagnosticCodes.UnknownDataTable, at, words.Length == 0
                ? "'::: comparison' needs a table name, e.g. '::: comparison concepts'"
                : $"no data table '{words[0]}' (input/data/{words[0]}.yml); known: {(known.Length == 0 ? "none" : known)}");
            return;
        }

        var topics = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words.Skip(1))
        {
            if (word.StartsWith("topic=", StringComparison.Ordinal))
                topics.UnionWith(word["topic=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries));
            else
                context.Diagnostics.Error(DiagnosticCodes.UnknownDataTable, at, $"unknown option '{word}' for '::: comparison' (topic=...)");
        }

        var rows = table.Rows.Where(r => topics.Count == 0 || (r.Topic is not null && topics.Contains(r.Topic))).ToList();
        if (rows.Count == 0)
            context.Diagnostics.Error(DiagnosticCodes.UnknownDataTable, at, $"data table '{table.Name}' has no rows with topic {string.Join(" or ", topics)}");

        renderer.EnsureLine();
        renderer.Write("<div class=\"table-wrap\"><table class=\"comparison data-table\">");
        if (table.Title.Length > 0)
            renderer.Write("<caption>").WriteEscape(table.Title).Write("</caption>");
        renderer.Write("<thead><tr>");
        foreach (var column in table.Columns)
            renderer.Write("<th>").WriteEscape(column.Label).Write("</th>");
        renderer.Write("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            renderer.Write("<tr>");
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var cell = CellHtml(row.Cells.GetValueOrDefault(table.Columns[i].Key, ""), row, context);
                if (i == 0 && row.Link is { } link && Resolve(link, row.LinkAt ?? row.At, context) is { } url)
                    cell = $"<a href=\"{System.Net.WebUtility.HtmlEncode(url)}\">{cell}</a>";
                renderer.Write(i == 0 ? "<th scope=\"row\">" : "<td>").Write(cell).Write(i == 0 ? "</th>" : "</td>");
            }

            renderer.Write("</tr>");
        }

        renderer.WriteLine("</tbody></table></div>");
    }

    /// <summary>A cell's inline Markdown as HTML; its links are resolved from the input root, like the row's link.</summary>
    private static string CellHtml(string markdown, DataRow row, PageRenderContext context)
    {
        if (markdown.Length == 0)
            return "";
        var document = Markdig.Markdown.Parse(markdown, CellPipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { Length: > 0 } url && Resolve(url, row.At, context) is { } resolved)
                link.Url = resolved;
        }

        var html = document.ToHtml(CellPipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    private static string? Resolve(string url, SourceLocation at, PageRenderContext context)
    {
        var resolution = context.Links.Resolve(url, "", context.Page.OutputPath, current: null);
        if (resolution.Url is null)
            context.Diagnostics.Error(resolution.ErrorCode!, at, resolution.Error!);
        return resolution.Url;
    }
}
