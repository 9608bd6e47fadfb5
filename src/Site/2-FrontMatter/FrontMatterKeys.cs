namespace Site.FrontMatter;

/// <summary>The front matter keys the generator itself reads; any other key is kept for templates (page.meta).</summary>
internal static class FrontMatterKeys
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Date = "date";
    public const string Tags = "tags";
    public const string Order = "order";
    public const string Draft = "draft";
    public const string Layout = "layout";
    public const string Slug = "slug";
}
