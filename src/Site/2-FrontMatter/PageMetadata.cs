using System.Collections.Immutable;
using Site.Core;

namespace Site.FrontMatter;

/// <summary>A page's front matter: the keys the generator relies on, typed, plus every key (unknown ones too) for templates.</summary>
internal sealed record PageMetadata
{
    public static readonly PageMetadata Empty = new();

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public DateOnly? Date { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Position among its section's pages; pages without one come after those with one.</summary>
    public int? Order { get; init; }

    public bool Draft { get; init; }

    /// <summary>The theme layout (layouts/NAME.hbs); null means the default for the page's kind.</summary>
    public string? Layout { get; init; }

    /// <summary>Replaces the file name in the page's URL.</summary>
    public string? Slug { get; init; }

    /// <summary>Every front matter key with its value as plain strings, lists and dictionaries.</summary>
    public ImmutableDictionary<string, object?> Values { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Where each key's value is written, for diagnostics about it (e.g. an unknown layout).</summary>
    public ImmutableDictionary<string, SourceLocation> Locations { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;
}
