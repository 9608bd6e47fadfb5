using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Site.Serving;

/// <summary>
/// What the server answers at one moment: the files of the last good build, served from memory, unless the latest build
/// failed, in which case every page is its error page. Immutable: each rebuild publishes a new one with a new
/// <see cref="Version"/>, which open pages compare to notice what they missed.
/// </summary>
internal sealed class ServedSite(string version, SiteFiles files, bool built, BuildFailure? failure)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public string Version => version;

    public SiteFiles Files => files;

    /// <summary>False until the first build is done.</summary>
    public bool Built => built;

    public BuildFailure? Failure => failure;

    public static ServedSite Building(string version) => new(version, SiteFiles.Empty, built: false, failure: null);

    /// <summary>The answer for a request path (decoded, starting with '/').</summary>
    public Reply Respond(string requestPath)
    {
        var relative = requestPath.TrimStart('/');
        var target = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        var file = files.Find(target);
        if (file is null && files.Find(relative + "/index.html") is not null)
            return new Reply(StatusCodes.Status302Found, "") { Location = "/" + relative + "/" }; // relative links need the '/'

        var isPage = file is null || target.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        if (failure is not null && isPage)
            return new Reply(StatusCodes.Status500InternalServerError, Reply.Html) { Text = ReloadScript.Inject(StatusPage.Failed(failure), page: null) };
        if (file is null && !built)
            return new Reply(StatusCodes.Status503ServiceUnavailable, Reply.Html) { Text = ReloadScript.Inject(StatusPage.Building(), page: null) };
        if (file is null)
            return NotFound(requestPath);

        var type = ContentType(file.Path);
        if (file.Text is null)
            return new Reply(StatusCodes.Status200OK, type) { File = file.CopyFrom };
        return new Reply(StatusCodes.Status200OK, type) { Text = isPage ? ReloadScript.Inject(file.Text, file.Path) : file.Text };
    }

    /// <summary>The site's own 404 page if it has one (its relative links made to work from any depth), else plain text.</summary>
    private Reply NotFound(string requestPath)
    {
        foreach (var path in (string[])["404.html", "404/index.html"])
        {
            if (files.Find(path)?.Text is not { } html)
                continue;
            var folder = "/" + path[..(path.LastIndexOf('/') + 1)];
            var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
            if (head >= 0)
                html = html.Insert(head + "<head>".Length, $"<base href=\"{folder}\">");
            return new Reply(StatusCodes.Status404NotFound, Reply.Html) { Text = ReloadScript.Inject(html, page: null) };
        }

        return new Reply(StatusCodes.Status404NotFound, "text/plain; charset=utf-8") { Text = $"404 Not Found: {requestPath}\n" };
    }

    private static string ContentType(string path)
    {
        if (!ContentTypes.TryGetContentType(path, out var type))
            return "application/octet-stream";
        // The site's text is UTF-8 (what the build writes, what themes are).
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "image/svg+xml" ? type + "; charset=utf-8" : type;
    }
}
