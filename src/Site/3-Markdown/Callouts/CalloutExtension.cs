using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Callouts;

/// <summary>Block quotes that start with "[!kind]" render as callouts: &lt;div class="callout callout-kind"&gt;.</summary>
internal sealed class CalloutExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CalloutInlineParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CalloutInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
            return;
        html.ObjectRenderers.ReplaceOrAdd<QuoteBlockRenderer>(new CalloutQuoteRenderer());
        if (!html.ObjectRenderers.Contains<CalloutMarkerRenderer>())
            html.ObjectRenderers.Add(new CalloutMarkerRenderer());
    }
}
