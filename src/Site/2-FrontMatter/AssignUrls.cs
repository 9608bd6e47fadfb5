using Site.Core;

namespace Site.FrontMatter;

/// <summary>
/// Gives every page its output path: "a/b.md" becomes "a/b/index.html" (or "a/SLUG/index.html"), "a/index.md" becomes
/// "a/index.html". Two pages claiming one path is an error at the second one.
/// </summary>
internal sealed class AssignUrls : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "urls";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var pages = state.Pages.Select(p => p with { OutputPath = OutputPathOf(p) }).ToList();
        ReportDuplicates(pages, context.Diagnostics);
        return Task.FromResult(state with { Pages = [.. pages] });
    }

    internal static string OutputPathOf(Page page)
    {
        var folder = Path.GetDirectoryName(page.SourcePath)?.Replace('\\', '/') ?? "";
        var name = Path.GetFileNameWithoutExtension(page.SourcePath);
        var prefix = folder.Length == 0 ? "" : folder + "/";
        if (name.Equals("index", StringComparison.OrdinalIgnoreCase) && page.Metadata.Slug is null)
            return prefix + "index.html";
        return prefix + (page.Metadata.Slug ?? Naming.Slugify(name)) + "/index.html";
    }

    /// <summary>Reports every page whose output path an earlier page (in path order) already has.</summary>
    internal static void ReportDuplicates(IEnumerable<Page> pages, Diagnostics diagnostics)
    {
        var owners = new Dictionary<string, Page>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            if (owners.TryGetValue(page.OutputPath, out var first))
            {
                var at = page.Metadata.Locations.GetValueOrDefault(FrontMatterKeys.Slug, page.At(1, 1));
                var url = page.OutputPath[..^"index.html".Length];
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, at,
                    $"two pages claim the URL '/{url}': this one and {first.DisplayPath}");
            }
            else
            {
                owners[page.OutputPath] = page;
            }
        }
    }
}
