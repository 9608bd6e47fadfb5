using System.Collections.Immutable;
using Site.Core;
using Site.Reading;

namespace Site.Theme;

/// <summary>
/// The site's order: the sidebar (top-level pages and sections, each section's pages) and the reading order that gives
/// prev/next. Sections follow site.yml's navigation list, then their index page's order, then title; pages follow
/// their order, then title.
/// </summary>
internal sealed record Navigation(Page? Home, ImmutableArray<NavigationEntry> Entries, ImmutableArray<Page> ReadingOrder)
{
    /// <summary>The navigation GeneratePages made into the state, for the stages after it.</summary>
    public static Navigation Of(SiteState state) =>
        state.Navigation ?? throw new InvalidOperationException("GeneratePages makes the navigation; this stage runs after it");

    public static Navigation Build(IReadOnlyList<Page> pages, SiteSettings settings)
    {
        var home = pages.FirstOrDefault(p => p.OutputPath == "index.html");
        var content = pages.Where(p => p.Kind is PageKind.Content or PageKind.SectionIndex && p != home).ToList();

        var entries = new List<(NavigationEntry Entry, int Position, int Order, string Title)>();
        foreach (var page in content.Where(p => p.Section is null))
            entries.Add((new NavigationEntry(page.Metadata.Title, page, []), Position(settings, Path.GetFileNameWithoutExtension(page.SourcePath)), page.Metadata.Order ?? int.MaxValue, page.Metadata.Title));

        foreach (var group in content.Where(p => p.Section is not null).GroupBy(p => p.Section!))
        {
            var index = group.FirstOrDefault(p => p.Kind == PageKind.SectionIndex);
            var children = group.Where(p => p != index).OrderBy(p => p.Metadata.Order ?? int.MaxValue)
                .ThenBy(p => p.Metadata.Title, StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            var title = settings.SectionTitles.GetValueOrDefault(group.Key) ?? index?.Metadata.Title ?? Naming.Humanize(group.Key);
            entries.Add((new NavigationEntry(title, index, children), Position(settings, group.Key), index?.Metadata.Order ?? int.MaxValue, title));
        }

        var ordered = entries.OrderBy(e => e.Position).ThenBy(e => e.Order).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase)
            .Select(e => e.Entry).ToImmutableArray();
        var reading = new List<Page>();
        if (home is not null)
            reading.Add(home);
        foreach (var entry in ordered)
        {
            if (entry.Page is not null)
                reading.Add(entry.Page);
            reading.AddRange(entry.Children);
        }

        return new Navigation(home, ordered, [.. reading]);
    }

    private static int Position(SiteSettings settings, string name)
    {
        var index = settings.Navigation.IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }
}

/// <summary>A sidebar entry: a top-level page (no children) or a section (its index page, if any, and its pages).</summary>
internal sealed record NavigationEntry(string Title, Page? Page, ImmutableArray<Page> Children);
