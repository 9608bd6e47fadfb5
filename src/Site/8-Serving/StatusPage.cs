using System.Net;
using System.Text;
using Site.Core;

namespace Site.Serving;

/// <summary>
/// The pages the server shows instead of the site: the failed build's diagnostics (in the compiler format, with their
/// detail), or "building" before the first build is done. Self-contained (no theme, no assets), light and dark.
/// </summary>
internal static class StatusPage
{
    private const string Style = """
        :root { color-scheme: light dark; --bg: #fff; --fg: #1d232a; --muted: #545e69; --card: #f6f7f9; --line: #dfe3e8;
                --error: #b42318; --warning: #9c4300; --code: #0e1217; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15181d; --fg: #e3e7ec; --muted: #a3acb6; --card: #1e2228; --line: #333a43;
                  --error: #ff8a80; --warning: #f0b45e; --code: #f3f5f7; }
        }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
        .badge { display: inline-block; margin: 0; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 999px;
                 color: var(--muted); font-size: .85rem; }
        h1 { margin: .75rem 0 .5rem; font-size: 1.6rem; line-height: 1.25; }
        .lede { margin: 0 0 1.75rem; color: var(--muted); }
        ol { list-style: none; margin: 0; padding: 0; }
        li { margin: 0 0 1rem; padding: .9rem 1rem; background: var(--card); border: 1px solid var(--line);
             border-left: 4px solid var(--error); border-radius: 8px; }
        li.warning { border-left-color: var(--warning); }
        code, pre { font: .9rem/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; color: var(--code); }
        .line { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }
        .kind { font-weight: 700; color: var(--error); }
        li.warning .kind { color: var(--warning); }
        pre { margin: .6rem 0 0; padding: .6rem .75rem; overflow-x: auto; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
        """;

    /// <summary>The failed build, every diagnostic (errors first), as the console prints them.</summary>
    public static string Failed(BuildFailure failure)
    {
        var errors = failure.Errors;
        var warnings = failure.Diagnostics.Count(d => d.Severity == Severity.Warning);
        var body = new StringBuilder();
        body.Append("<ol>\n");
        if (failure.Exception is { } exception)
            body.Append("<li><code class=\"line\"><span class=\"kind\">The build stopped with an exception</span></code><pre>").Append(Escape(exception)).Append("</pre></li>\n");
        foreach (var diagnostic in failure.Diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1))
        {
            var kind = diagnostic.Severity == Severity.Error ? "error" : "warning";
            var where = diagnostic.Location?.ToString() ?? "site";
            body.Append($"<li class=\"{kind}\"><code class=\"line\">{Escape(where)}: <span class=\"kind\">{kind}</span> {Escape(diagnostic.Code)}: {Escape(diagnostic.Message)}</code>");
            if (diagnostic.Detail is { } detail)
                body.Append("<pre>").Append(Escape(Dedent(detail))).Append("</pre>");
            body.Append("</li>\n");
        }

        body.Append("</ol>\n");
        var counts = Plural(errors, "error") + (warnings > 0 ? ", " + Plural(warnings, "warning") : "");
        return Page($"Build failed: {counts}", "Preview · build failed", $"The site does not build: {counts}",
            "Fix the files and save: this page reloads by itself. The last good build is not shown, so nothing you read here is stale.",
            body.ToString());
    }

    public static string Building() =>
        Page("Building…", "Preview", "Building the site…", "This page reloads by itself when the first build is done.", "");

    private static string Page(string title, string badge, string heading, string lede, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{Escape(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        <main>
        <p class="badge">{Escape(badge)}</p>
        <h1>{Escape(heading)}</h1>
        <p class="lede">{Escape(lede)}</p>
        {body}</main>
        </body>
        </html>

        """;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Without the indentation that sets the detail apart on the console (the box does that here).</summary>
    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')));
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
