using Site.Core;
using Site.Markdown.Links;

namespace Site.Markdown.Rendering;

/// <summary>What the renderers of one page need to know about the rest of the site.</summary>
internal sealed record PageRenderContext(Page Page, SiteState Site, LinkResolver Links, Diagnostics Diagnostics);
