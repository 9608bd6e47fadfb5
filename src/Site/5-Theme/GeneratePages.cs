using System.Collections.Immutable;
using Site.Core;
using Site.FrontMatter;

namespace Site.Theme;

/// <summary>
/// Adds the pages nobody writes: an index for each section without an index.md, a home page when the input has none,
/// a page per tag, a page of all tags, and the 404 page. A section's own index.md becomes its section page.
/// </summary>
internal sealed class GeneratePages : IStage
{
    public const string TagsFolder = "tags";

    /// <summary>What static hosts (and <c>serve</c>) answer for a missing URL.</summary>
    public const string NotFoundPath = "404.html";

    public Phase Phase => Phase.PostProcess;

    public string Name => "generate";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var pages = state.Pages
            .Select(p => p.Kind == PageKind.Content && p.Section is not null && p.SourcePath == p.Section + "/index.md"
                ? p with { Kind = PageKind.SectionIndex, ListingKey = p.Section }
                : p)
            .ToList();
        var generated = new List<Page>();

        if (!pages.Any(p => p.OutputPath == "index.html"))
            generated.Add(Generated("index", "index.html", PageKind.SectionIndex, context.Settings.Title, null, ""));

        foreach (var section in pages.Where(p => p.Section is not null).Select(p => p.Section!).Distinct().Order(StringComparer.Ordinal))
        {
            if (!pages.Any(p => p.Kind == PageKind.SectionIndex && p.Section == section))
            {
                var title = context.Settings.SectionTitles.GetValueOrDefault(section) ?? Naming.Humanize(section);
                generated.Add(Generated(section + "/index", section + "/index.html", PageKind.SectionIndex, title, section, section));
            }
        }

        var tags = pages.SelectMany(p => p.Metadata.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Count > 0)
        {
            generated.Add(Generated(TagsFolder + "/index", TagsFolder + "/index.html", PageKind.TagIndex, "Tags", null, null));
            foreach (var tag in tags)
                generated.Add(Generated($"{TagsFolder}/{tag}", TagUrl(tag), PageKind.TagPage, $"Tagged “{tag}”", null, tag));
        }

        // A page of the input's own (404.md) takes the place of the generated one.
        if (!pages.Any(p => p.SourcePath == "404.md"))
        {
            generated.Add(Generated("404", NotFoundPath, PageKind.NotFound, "Page not found", null, null) with
            {
                ContentHtml = "<p>There is no page at this address. It may have moved when the guide was reorganised.</p>\n"
                    + "<p>Try the <a href=\"index.html\">home page</a>, or search for what you were looking for.</p>\n",
            });
        }

        // Not ToDictionary: two pages may already claim one path (AssignUrls reported it); the first one owns it.
        var taken = new Dictionary<string, Page>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
            taken.TryAdd(page.OutputPath, page);
        foreach (var page in generated.Where(g => taken.ContainsKey(g.OutputPath)))
        {
            var owner = taken[page.OutputPath];
            context.Diagnostics.Error(DiagnosticCodes.DuplicateUrl, owner.At(1, 1),
                $"this page takes the URL '/{page.OutputPath}' that the generated page '{page.Metadata.Title}' needs; rename or move it");
        }

        ImmutableArray<Page> all = [.. pages, .. generated.Where(g => !taken.ContainsKey(g.OutputPath))];
        return Task.FromResult(state with { Pages = all, Navigation = Navigation.Build(all, context.Settings) });
    }

    public static string TagUrl(string tag) => $"{TagsFolder}/{Naming.Slugify(tag)}/index.html";

    private static Page Generated(string source, string output, PageKind kind, string title, string? section, string? listingKey) => new()
    {
        SourcePath = source,
        Kind = kind,
        OutputPath = output,
        Section = section,
        ListingKey = listingKey,
        Metadata = PageMetadata.Empty with { Title = title },
    };
}
