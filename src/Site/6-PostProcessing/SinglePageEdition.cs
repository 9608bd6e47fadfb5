using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Core;
using Site.Theme;

namespace Site.PostProcessing;

/// <summary>
/// The whole guide as one document (<c>single-page.html</c>, for printing or saving as PDF): every page in reading
/// order, rendered with the theme's <c>single</c> layout. Each page's ids get the page's prefix so they stay unique,
/// and links between pages become links within the document. Made for the offline bundle (BuildOptions.SinglePage).
/// </summary>
internal sealed class SinglePageEdition : IStage
{
    public const string OutputPath = "single-page.html";

    public const string Layout = "single";

    public Phase Phase => Phase.PostProcess;

    public string Name => "single page";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        if (!context.Options.SinglePage || context.Theme is not { } theme)
            return Task.FromResult(state);
        if (!theme.HasLayout(Layout))
        {
            context.Diagnostics.Error(DiagnosticCodes.ThemeError, null, $"the theme has no '{Layout}' layout for the single-page edition");
            return Task.FromResult(state);
        }

        var navigation = Navigation.Of(state);
        var pages = navigation.ReadingOrder;
        var prefixes = pages.ToDictionary(p => p.OutputPath, p => Prefix(p.OutputPath), StringComparer.Ordinal);
        var parser = new HtmlParser();
        var chapters = pages.Select(page => new Dictionary<string, object?>
        {
            ["id"] = prefixes[page.OutputPath],
            ["title"] = page.Metadata.Title,
            ["description"] = page.Metadata.Description,
            // A section's own index page is the section: no label over it.
            ["section"] = navigation.Entries.FirstOrDefault(e => e.Children.Contains(page))?.Title,
            ["content"] = Rewrite(page, parser, prefixes),
        }).ToList();

        var model = new Dictionary<string, object?>
        {
            ["site"] = PageModel.SiteModel(context, OutputPath, hasFeed: false), // the bundle is offline: no feed
            ["root"] = "",
            ["page"] = new Dictionary<string, object?> { ["title"] = context.Settings.Title, ["kind"] = "SinglePage" },
            ["chapters"] = chapters,
        };
        return Task.FromResult(state with { Outputs = state.Outputs.Add(new OutputFile(OutputPath, theme.Render(Layout, model), null)) });
    }

    /// <summary>"runtime/virtual-machine/index.html" → "runtime-virtual-machine"; the home page → "home".</summary>
    internal static string Prefix(string outputPath)
    {
        var folder = outputPath.EndsWith("index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length].TrimEnd('/') : outputPath;
        return folder.Length == 0 ? "home" : folder.Replace('/', '-').Replace('.', '-');
    }

    private static string Rewrite(Page page, HtmlParser parser, Dictionary<string, string> prefixes)
    {
        var prefix = prefixes[page.OutputPath];
        var document = parser.ParseDocument("<body>" + page.ContentHtml + "</body>");
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll("[id]"))
            element.Id = $"{prefix}--{element.Id}";
        foreach (var element in body.QuerySelectorAll("[aria-labelledby], [aria-controls], [aria-describedby], label[for]"))
        {
            foreach (var name in new[] { "aria-labelledby", "aria-controls", "aria-describedby", "for" })
            {
                if (element.GetAttribute(name) is { } value)
                    element.SetAttribute(name, string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{prefix}--{id}")));
            }
        }

        foreach (var link in body.QuerySelectorAll("a[href]"))
            link.SetAttribute("href", RewriteLink(link.GetAttribute("href")!, page.OutputPath, prefix, prefixes));
        foreach (var element in body.QuerySelectorAll("img[src], source[src], video[src], audio[src]"))
            element.SetAttribute("src", FromRoot(element.GetAttribute("src")!, page.OutputPath));
        return body.InnerHtml;
    }

    /// <summary>A link within the page or to another page of the edition stays in the document; anything else is made relative to the root.</summary>
    private static string RewriteLink(string href, string from, string prefix, Dictionary<string, string> prefixes)
    {
        if (href.StartsWith('#'))
            return href.Length == 1 ? $"#{prefix}" : $"#{prefix}--{href[1..]}";
        if (Urls.IsExternal(href) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return href;

        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        var fragment = hash < 0 ? null : href[(hash + 1)..];
        var target = Resolve(from, path);
        if (target is not null && prefixes.TryGetValue(target, out var targetPrefix))
            return string.IsNullOrEmpty(fragment) ? $"#{targetPrefix}" : $"#{targetPrefix}--{fragment}";
        return target is null ? href : target + (fragment is null ? "" : "#" + fragment);
    }

    private static string FromRoot(string url, string from) =>
        Urls.IsExternal(url) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? url : Resolve(from, url) ?? url;

    /// <summary>A URL relative to the page at <paramref name="from"/>, as a path from the site root; null if it leaves the site.</summary>
    private static string? Resolve(string from, string relative)
    {
        var folder = from.Contains('/') ? from[..from.LastIndexOf('/')] : "";
        return Urls.Normalize(folder.Length == 0 ? relative : folder + "/" + relative);
    }
}
