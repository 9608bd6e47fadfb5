using System.Collections.Immutable;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Core;

namespace Site.Markdown;

/// <summary>
/// Parses every page into a Markdig syntax tree (in parallel) and notes its headings and anchors. A rebuild keeps the tree
/// of a page whose text did not change: the stages after this one leave what was parsed as it was (links keep the URL
/// their author wrote), so a tree serves any number of builds.
/// </summary>
internal sealed class ParseMarkdown : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "markdown";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var memo = context.RebuildCache?.Memo<string, Page>(Name);
        var parsed = PerPage.Map(state.Pages, memo, page => page.SourcePath, page => page.Text, (page, _) => Parse(page), context, cancellationToken);
        var pages = state.Pages
            .Select((page, i) => page with { Markdown = parsed[i].Markdown, Headings = parsed[i].Headings, Anchors = parsed[i].Anchors })
            .ToImmutableArray();
        return Task.FromResult(state with { Pages = pages });
    }

    internal static Page Parse(Page page)
    {
        var document = Markdig.Markdown.Parse(page.Text, MarkdownPipelineFactory.Pipeline);
        var headings = ImmutableArray.CreateBuilder<Heading>();
        var anchors = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        MarkdownWalk.All(document, node =>
        {
            if (node.TryGetAttributes()?.Id is not { } id)
                return;
            anchors.Add(id);
            if (node is HeadingBlock { Level: 2 or 3 } heading)
                headings.Add(new Heading(heading.Level, id, PlainText(heading.Inline), heading.Line + 1));
        });
        return page with { Markdown = document, Headings = headings.ToImmutable(), Anchors = anchors.ToImmutable() };
    }

    /// <summary>The text of inline content without markup ("The `venv` module" -> "The venv module").</summary>
    internal static string PlainText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(container, builder);
        return builder.ToString().Trim();

        static void Append(ContainerInline? node, StringBuilder builder)
        {
            for (var child = node?.FirstChild; child is not null; child = child.NextSibling)
            {
                switch (child)
                {
                    case LiteralInline literal: builder.Append(literal.Content); break;
                    case CodeInline code: builder.Append(code.Content); break;
                    case LineBreakInline: builder.Append(' '); break;
                    case HtmlEntityInline entity: builder.Append(entity.Transcoded); break;
                    case ContainerInline inner: Append(inner, builder); break;
                }
            }
        }
    }
}
