using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Core;

namespace Site.Markdown.Callouts;

/// <summary>Renders a block quote as a callout when it starts with a <see cref="CalloutMarker"/>, else as a plain quote.</summary>
internal sealed class CalloutQuoteRenderer : QuoteBlockRenderer
{
    protected override void Write(HtmlRenderer renderer, QuoteBlock block)
    {
        if (block.Count == 0 || block[0] is not ParagraphBlock { Inline.FirstChild: CalloutMarker marker } first)
        {
            base.Write(renderer, block);
            return;
        }

        var style = CalloutKinds.Normalize(marker.Kind);
        var title = marker.Title.Length > 0 ? marker.Title : Naming.Humanize(marker.Kind);
        renderer.EnsureLine();
        renderer.Write("<div class=\"callout callout-").Write(style).Write("\" role=\"note\">");
        renderer.Write("<p class=\"callout-title\">").WriteEscape(title).Write("</p>");
        renderer.Write("<div class=\"callout-body\">");
        renderer.EnsureLine();
        var markerOnly = first.Inline!.FirstChild == first.Inline.LastChild;
        for (var i = markerOnly ? 1 : 0; i < block.Count; i++)
            renderer.Write(block[i]);
        renderer.EnsureLine();
        renderer.Write("</div></div>");
        renderer.EnsureLine();
    }
}

internal sealed class CalloutMarkerRenderer : HtmlObjectRenderer<CalloutMarker>
{
    protected override void Write(HtmlRenderer renderer, CalloutMarker obj)
    {
    }
}
