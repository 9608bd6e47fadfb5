using System.Net;

namespace Site.Serving;

/// <summary>
/// The script every served HTML page gets before <c>&lt;/body&gt;</c> (never written to disk): it listens to
/// <see cref="LiveReload"/> and reloads the page when the page, an asset, or the site's state (failed, restored) changed,
/// and after reconnecting to a server that rebuilt or restarted meanwhile.
/// </summary>
internal static class ReloadScript
{
    public const string EventsPath = "/__site/events";

    // data-page: the output path this page was served from; absent on status pages, which reload on any change.
    private const string Script = """
        <script data-site-reload>
        (function () {
          var script = document.currentScript, page = script.getAttribute('data-page'), version = null, source;
          function affected(change) {
            return change.all || page === null || change.paths.some(function (p) { return p === page || !/(\.html|search-index\.js)$/.test(p); });
          }
          function connect() {
            source = new EventSource('EVENTS');
            source.addEventListener('hello', function (e) {
              if (version !== null && e.data !== version) location.reload();
              version = e.data;
            });
            source.addEventListener('reload', function (e) {
              var change = JSON.parse(e.data);
              version = change.version;
              if (affected(change)) location.reload();
            });
            source.onerror = function () {
              // The browser retries by itself unless it gave up (the server answered something else); then we retry.
              if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
            };
          }
          connect();
        })();
        </script>
        """;

    private static readonly string Body = Script.Replace("EVENTS", EventsPath, StringComparison.Ordinal);

    /// <summary>The page with the script before its last <c>&lt;/body&gt;</c> (or at its end).</summary>
    /// <param name="page">The output path the page was served from; null for pages that should reload on any change.</param>
    public static string Inject(string html, string? page)
    {
        var script = page is null ? Body : Body.Replace("<script data-site-reload>", $"<script data-site-reload data-page=\"{WebUtility.HtmlEncode(page)}\">", StringComparison.Ordinal);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + script : string.Concat(html.AsSpan(0, end), script, html.AsSpan(end));
    }
}
