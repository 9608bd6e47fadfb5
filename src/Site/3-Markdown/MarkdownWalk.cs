using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Markdown;

/// <summary>
/// Visits a syntax tree depth-first, in document order, parents before children, without allocating as it goes. Markdig's
/// <c>Descendants()</c> makes an iterator and a growing stack for every container and every paragraph's inlines: on a big
/// build the walks of the parse, snippet and link stages allocated more than their results, for the collector to clear.
/// </summary>
internal static class MarkdownWalk
{
    /// <summary>Every block under <paramref name="container"/>.</summary>
    public static void Blocks(ContainerBlock container, Action<Block> visit)
    {
        for (var i = 0; i < container.Count; i++)
        {
            var block = container[i];
            visit(block);
            if (block is ContainerBlock inner)
                Blocks(inner, visit);
        }
    }

    /// <summary>Every block under <paramref name="container"/>, and after each leaf block its inlines.</summary>
    public static void All(ContainerBlock container, Action<MarkdownObject> visit) => Blocks(container, block =>
    {
        visit(block);
        if (block is LeafBlock { Inline: { } inline })
            Inlines(inline, visit);
    });

    /// <summary>Every inline of every block under <paramref name="container"/>.</summary>
    public static void Inlines(ContainerBlock container, Action<Inline> visit) => Blocks(container, block =>
    {
        if (block is LeafBlock { Inline: { } inline })
            Inlines(inline, visit);
    });

    private static void Inlines(ContainerInline container, Action<Inline> visit)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            visit(child);
            if (child is ContainerInline inner)
                Inlines(inner, visit);
        }
    }
}
