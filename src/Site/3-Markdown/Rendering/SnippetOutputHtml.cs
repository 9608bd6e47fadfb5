using System.Globalization;
using Markdig.Renderers;
using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Running;

namespace Site.Markdown.Rendering;

/// <summary>The panel under a snippet: its real output (every byte escaped), stdout and stderr told apart, and a status mark.</summary>
internal static class SnippetOutputHtml
{
    public static void Write(HtmlRenderer renderer, SnippetOutcome outcome)
    {
        var result = outcome.Result!;
        var title = $"{outcome.Runtime}, {result.Duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms{(outcome.Cached ? ", cached" : "")}";
        Open(renderer, SnippetOutcome.StatusName(outcome.Status), Label(outcome), title);
        foreach (var chunk in outcome.Display)
        {
            renderer.Write(chunk.Stream == OutputStream.Stderr ? "<span class=\"stderr\" title=\"stderr\">" : "<span class=\"stdout\">")
                .WriteEscape(chunk.Text).Write("</span>");
        }

        if (result.Truncated)
            renderer.Write("<span class=\"output-note\">[output truncated at 1 MiB]</span>");
        Close(renderer);
    }

    /// <summary>A snippet rendered without having run (only when the run stage is left out): its expected output.</summary>
    public static void WritePending(HtmlRenderer renderer, string expected)
    {
        Open(renderer, "pending", "expected output", "not run in this build");
        renderer.Write("<span class=\"stdout\">").WriteEscape(expected).Write("</span>");
        Close(renderer);
    }

    private static string Label(SnippetOutcome outcome) => outcome.Status switch
    {
        SnippetStatus.Verified => "verified",
        SnippetStatus.FailedAsExpected => $"raised {outcome.Result!.Error?.Name}, as expected",
        SnippetStatus.Ran => "ran at build time",
        _ => "failed",
    };

    private static void Open(HtmlRenderer renderer, string status, string label, string title)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"snippet-output\" data-status=\"").Write(status)
            .Write("\"><div class=\"output-header\"><span class=\"output-label\">Output</span><span class=\"snippet-status\" title=\"")
            .WriteEscape(title).Write("\">").WriteEscape(label).Write("</span></div><pre><samp>");
    }

    private static void Close(HtmlRenderer renderer) => renderer.WriteLine("</samp></pre></div>");
}
