using System.Collections.Immutable;
using Markdig.Syntax;
using Site.FrontMatter;
using Site.Markdown.Links;
using Site.Snippets;

namespace Site.Core;

internal enum PageKind { Content, SectionIndex, TagPage, TagIndex, NotFound }

/// <summary>
/// A document flowing through the pipeline. Each stage returns a copy with more filled in
/// (front matter, then the parsed Markdown, then HTML), like a Statiq document with its metadata.
/// </summary>
internal sealed record Page
{
    /// <summary>Path relative to the input folder with '/' separators (e.g. "environments/venv.md");
    /// for generated pages, a synthetic path such as "tags/venv".</summary>
    public required string SourcePath { get; init; }

    /// <summary>The path diagnostics show: relative to the working directory, as the user typed it (e.g. "input/environments/venv.md").</summary>
    public string DisplayPath { get; init; } = "";

    public PageKind Kind { get; init; } = PageKind.Content;

    /// <summary>The Markdown source, front matter included (line numbers count from the file's first line).</summary>
    public string Text { get; init; } = "";

    public PageMetadata Metadata { get; init; } = PageMetadata.Empty;

    /// <summary>Where the page is written, relative to the output folder (e.g. "environments/venv/index.html").</summary>
    public string OutputPath { get; init; } = "";

    /// <summary>The first folder of <see cref="SourcePath"/>; null for pages at the top of the input.</summary>
    public string? Section { get; init; }

    public MarkdownDocument? Markdown { get; init; }

    public ImmutableArray<Heading> Headings { get; init; } = [];

    /// <summary>Every id a link may point at with #fragment (headings and explicit {#ids}).</summary>
    public ImmutableHashSet<string> Anchors { get; init; } = ImmutableHashSet<string>.Empty;

    public ImmutableArray<Snippet> Snippets { get; init; } = [];

    /// <summary>Links out of the site (for the report; never fetched).</summary>
    public ImmutableArray<ExternalLink> ExternalLinks { get; init; } = [];

    /// <summary>The page body rendered from Markdown, before the theme wraps it.</summary>
    public string ContentHtml { get; init; } = "";

    /// <summary>For section and tag pages: the tag or section they list.</summary>
    public string? ListingKey { get; init; }

    public SourceLocation At(int line, int column) => new(DisplayPath, line, column);
}

/// <summary>A ## or ### heading, for the on-page table of contents.</summary>
internal sealed record Heading(int Level, string Id, string Text, int Line);
