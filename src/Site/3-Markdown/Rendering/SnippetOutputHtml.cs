using Markdig.Renderers;

namespace Site.Markdown.Rendering;

/// <summary>The panel under a snippet: its output (every byte escaped), stdout and stderr told apart, and a status mark.</summary>
internal static class SnippetOutputHtml
{
    public static void Write(HtmlRenderer renderer, string stdout, string status, string statusLabel, string? stderr = null)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"snippet-output\" data-status=\"").Write(status)
            .Write("\"><div class=\"output-header\"><span class=\"output-label\">Output</span><span class=\"snippet-status\">")
            .WriteEscape(statusLabel).Write("</span></div><pre><samp>");
        if (stdout.Length > 0)
            renderer.Write("<span class=\"stdout\">").WriteEscape(stdout).Write("</span>");
        if (!string.IsNullOrEmpty(stderr))
            renderer.Write("<span class=\"stderr\">").WriteEscape(stderr).Write("</span>");
        renderer.WriteLine("</samp></pre></div>");
    }
}
