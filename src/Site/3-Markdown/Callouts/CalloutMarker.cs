using Markdig.Syntax.Inlines;

namespace Site.Markdown.Callouts;

/// <summary>The "[!kind] Title" that turns a block quote into a callout; it renders as nothing itself.</summary>
internal sealed class CalloutMarker(string kind, string title) : LeafInline
{
    public string Kind { get; } = kind;

    public string Title { get; } = title;
}
