using System.Security.Cryptography;
using System.Text;
using Site.Core;

namespace Site.Markdown.Links;

/// <summary>
/// Turns the links authors write (relative paths to .md files and static files, with #anchors) into relative URLs between
/// output files, and says what is wrong with a link that leads nowhere.
/// </summary>
internal sealed class LinkResolver
{
    private readonly Dictionary<string, Page> pagesBySource;
    private readonly HashSet<string> staticFiles;
    private readonly IReadOnlySet<string> excludedDrafts;

    public LinkResolver(SiteState state)
    {
        pagesBySource = state.Pages.Where(p => p.Kind == PageKind.Content).ToDictionary(p => p.SourcePath, StringComparer.Ordinal);
        staticFiles = new HashSet<string>(state.StaticFiles, StringComparer.Ordinal);
        excludedDrafts = state.ExcludedDrafts;
    }

    /// <summary>
    /// <see cref="Fingerprint()"/>, which a rebuild (<paramref name="cache"/>) takes from the last build while every target is
    /// as it was: comparing page by page (by reference, unless a page was parsed again) is much cheaper than sorting and
    /// hashing every anchor of the site to learn that one page's paragraph changed.
    /// </summary>
    public string Fingerprint(RebuildCache? cache) =>
        cache?.Memo<Targets, string>("link targets").GetOrAdd("", new Targets(this), new Diagnostics(), _ => Fingerprint()) ?? Fingerprint();

    /// <summary>Everything a link can resolve to (pages' URLs and anchors, static files, drafts): equal fingerprints resolve every link alike.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var page in pagesBySource.Values.OrderBy(p => p.SourcePath, StringComparer.Ordinal))
            text.Append(page.SourcePath).Append('\0').Append(page.OutputPath).Append('\0').AppendJoin(',', page.Anchors.Order(StringComparer.Ordinal)).Append('\n');
        text.AppendJoin('\0', staticFiles.Order(StringComparer.Ordinal)).Append('\n').AppendJoin('\0', excludedDrafts.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Resolves <paramref name="url"/> written in a file whose folder is <paramref name="baseFolder"/> (relative to the input),
    /// for the page written at <paramref name="fromOutput"/>. <paramref name="current"/> answers "#anchor" links.
    /// </summary>
    public LinkResolution Resolve(string url, string baseFolder, string fromOutput, Page? current)
    {
        if (Urls.IsExternal(url))
            return LinkResolution.External(url);

        var (path, fragment) = Split(url);
        if (path.Length == 0)
        {
            if (fragment is { Length: > 0 } && current is not null && !current.Anchors.Contains(fragment))
                return LinkResolution.Fail(DiagnosticCodes.BrokenAnchor, $"no heading or id '#{fragment}' on this page");
            return LinkResolution.Internal(url);
        }

        if (TargetOf(path, baseFolder) is not { } target)
            return LinkResolution.Fail(DiagnosticCodes.BrokenLink, $"link '{url}' points outside the site");

        if (FindPage(target, path.EndsWith('/')) is { } page)
        {
            if (fragment is { Length: > 0 } && !page.Anchors.Contains(fragment))
                return LinkResolution.Fail(DiagnosticCodes.BrokenAnchor, $"'{page.SourcePath}' has no heading or id '#{fragment}'");
            var relative = Urls.Relative(fromOutput, page.OutputPath);
            return LinkResolution.Internal(fragment is null ? relative : relative + "#" + Uri.EscapeDataString(fragment));
        }

        if (staticFiles.Contains(target))
            return LinkResolution.Internal(Urls.Relative(fromOutput, target) + (fragment is null ? "" : "#" + fragment));

        if (excludedDrafts.Contains(target))
            return LinkResolution.Fail(DiagnosticCodes.LinkToDraft, $"link to '{target}', a draft that is built only with --drafts");
        return LinkResolution.Fail(DiagnosticCodes.BrokenLink, $"link to '{url}': no page or file '{target}' in the input");
    }

    /// <summary>
    /// The input paths whose page, file or draft decide what <paramref name="url"/>, written in <paramref name="baseFolder"/>,
    /// resolves to (the page or file it names, and the folder's index page); none for external links and links within a page.
    /// </summary>
    public static IEnumerable<string> TargetsOf(string url, string baseFolder)
    {
        if (Urls.IsExternal(url) || Split(url).Path is not { Length: > 0 } path || TargetOf(path, baseFolder) is not { } target)
            return [];
        return [target, target.Length == 0 ? "index.md" : target + "/index.md"];
    }

    /// <summary>Whether <paramref name="path"/> (one of <see cref="TargetsOf"/>) is the same link target here as in <paramref name="other"/>.</summary>
    public bool SameTarget(LinkResolver other, string path)
    {
        var here = pagesBySource.GetValueOrDefault(path);
        var there = other.pagesBySource.GetValueOrDefault(path);
        var samePage = here is null ? there is null : there is not null && here.OutputPath == there.OutputPath
            && (ReferenceEquals(here.Anchors, there.Anchors) || here.Anchors.SetEquals(there.Anchors));
        return samePage && staticFiles.Contains(path) == other.staticFiles.Contains(path)
            && excludedDrafts.Contains(path) == other.excludedDrafts.Contains(path);
    }

    /// <summary>A link's path (query left out) and its unescaped #fragment, if any.</summary>
    private static (string Path, string? Fragment) Split(string url)
    {
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var query = path.IndexOf('?');
        return (query >= 0 ? path[..query] : path, fragment);
    }

    /// <summary>The input path a link's path leads to from <paramref name="baseFolder"/>; null when it leaves the input.</summary>
    private static string? TargetOf(string path, string baseFolder) =>
        Urls.Normalize(Uri.UnescapeDataString(path.StartsWith('/') ? path : (baseFolder.Length == 0 ? path : baseFolder + "/" + path)));

    /// <summary>What <see cref="Fingerprint()"/> is made of, compared without making it.</summary>
    private sealed class Targets(LinkResolver resolver) : IEquatable<Targets>
    {
        private LinkResolver Resolver => resolver;

        public bool Equals(Targets? other) => other is not null && Same(resolver, other.Resolver);

        public override bool Equals(object? obj) => Equals(obj as Targets);

        public override int GetHashCode() => resolver.pagesBySource.Count;

        // Pages in the order they were added (the pipeline's); a different order only costs a new fingerprint.
        private static bool Same(LinkResolver a, LinkResolver b) =>
            a.pagesBySource.Count == b.pagesBySource.Count
            && a.pagesBySource.Values.Zip(b.pagesBySource.Values).All(pair => Same(pair.First, pair.Second))
            && a.staticFiles.SetEquals(b.staticFiles) && a.excludedDrafts.SetEquals(b.excludedDrafts);

        private static bool Same(Page a, Page b) => a.SourcePath == b.SourcePath && a.OutputPath == b.OutputPath
            && (ReferenceEquals(a.Anchors, b.Anchors) || a.Anchors.SetEquals(b.Anchors));
    }

    private Page? FindPage(string target, bool isFolder)
    {
        if (!isFolder && pagesBySource.TryGetValue(target, out var page))
            return page;
        var folder = target.Length == 0 ? "" : target + "/";
        return pagesBySource.GetValueOrDefault(folder + "index.md");
    }
}

/// <summary>The outcome for one link: the URL to write, or a diagnostic code and message.</summary>
internal sealed record LinkResolution(string? Url, bool IsExternal, string? ErrorCode, string? Error)
{
    public static LinkResolution External(string url) => new(url, true, null, null);

    public static LinkResolution Internal(string url) => new(url, false, null, null);

    public static LinkResolution Fail(string code, string message) => new(null, false, code, message);
}
