namespace Site.PostProcessing;

/// <summary>One page as the browser's search sees it: where it is, what it is called, and its text cut at its headings.</summary>
/// <param name="Url">Relative to the site root, e.g. "runtime/virtual-machine/index.html".</param>
/// <param name="Section">The title of the page's section, or null for a top-level page.</param>
internal sealed record SearchPage(string Title, string Url, string? Section, IReadOnlyList<SearchSection> Sections);

/// <summary>The text under one heading; the first section of a page has no heading (its introduction, anchor "").</summary>
internal sealed record SearchSection(string Heading, string Anchor, string Text);
