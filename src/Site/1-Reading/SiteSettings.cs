using System.Collections.Immutable;

namespace Site.Reading;

/// <summary>Site-wide settings from input/site.yml; every field has a default so a folder of Markdown alone builds.</summary>
internal sealed record SiteSettings
{
    public static readonly SiteSettings Default = new();

    public string Title { get; init; } = "Documentation";

    public string Description { get; init; } = "";

    public string Author { get; init; } = "";

    /// <summary>Absolute URL the site is published at, ending in '/'; null when unknown.</summary>
    public string? BaseUrl { get; init; }

    public string Language { get; init; } = "en";

    /// <summary>Section folders in navigation order; sections not named follow, by their index page's order, then title.</summary>
    public ImmutableArray<string> Navigation { get; init; } = [];

    /// <summary>Section titles that override the section index page's title or the folder name.</summary>
    public ImmutableDictionary<string, string> SectionTitles { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The title of the generated "Home" entry and breadcrumbs.</summary>
    public string HomeTitle { get; init; } = "Home";
}
