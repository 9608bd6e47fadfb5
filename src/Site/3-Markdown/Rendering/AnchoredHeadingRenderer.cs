using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Site.Markdown.Rendering;

/// <summary>Headings with a visible "#" link to themselves (levels 2-4), so any section can be linked.</summary>
internal sealed class AnchoredHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
    {
        var level = Math.Clamp(heading.Level, 1, 6);
        renderer.EnsureLine();
        renderer.Write("<h").Write(level.ToString(System.Globalization.CultureInfo.InvariantCulture)).WriteAttributes(heading).Write('>');
        renderer.WriteLeafInline(heading);
        if (heading.TryGetAttributes()?.Id is { } id && level is >= 2 and <= 4)
        {
            renderer.Write("<a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id)
                .Write("\" aria-label=\"Link to this section\">#</a>");
        }

        renderer.Write("</h").Write(level.ToString(System.Globalization.CultureInfo.InvariantCulture)).WriteLine(">");
    }
}
