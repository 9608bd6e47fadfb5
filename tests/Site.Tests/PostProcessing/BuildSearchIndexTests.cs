using System.Text.Json;
using Site.Core;
using Site.PostProcessing;
using Site.Tests.Support;

namespace Site.Tests.PostProcessing;

public sealed class BuildSearchIndexTests : IDisposable
{
    private const string Prefix = "window.SEARCH_INDEX = ";

    private readonly TestSite site = new();

    public void Dispose() => site.Dispose();

    /// <summary>The built index: a script that assigns the global, whose value is JSON.</summary>
    private JsonElement ReadIndex() => Parse(site.ReadOutput(BuildSearchIndex.OutputPath));

    private static JsonElement Parse(string script)
    {
        var start = script.IndexOf(Prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, script);
        var json = script[(start + Prefix.Length)..].TrimEnd();
        Assert.EndsWith(";", json);
        return JsonDocument.Parse(json[..^1]).RootElement.GetProperty("pages");
    }

    private static JsonElement PageAt(JsonElement pages, string url) =>
        Assert.Single(pages.EnumerateArray(), p => p.GetProperty("url").GetString() == url);

    [Fact]
    public async Task Each_page_has_its_title_url_section_and_sections_with_anchors_and_text()
    {
        site.Write("site.yml", "sections: { guide: The Guide }\n");
        site.Page("index.md", "Home", "Welcome.");
        site.Page("guide/page.md", "Activating a venv",
            "What it *changes*.\n\n## Where packages go {#packages}\n\nInto `site-packages`, see [home](../index.md).\n\n### Details\n\nMore text.\n",
            "description: The short version.\n");

        Expect.Success(await site.BuildAsync());

        var page = PageAt(ReadIndex(), "guide/page/index.html");
        Assert.Equal("Activating a venv", page.GetProperty("title").GetString());
        Assert.Equal("The Guide", page.GetProperty("section").GetString());
        var sections = page.GetProperty("sections").EnumerateArray()
            .Select(s => (s.GetProperty("heading").GetString(), s.GetProperty("anchor").GetString(), s.GetProperty("text").GetString()))
            .ToList();
        Assert.Equal(
            [("", "", "The short version. What it changes."), ("Where packages go", "packages", "Into site-packages, see home."), ("Details", "details", "More text.")],
            sections);
        Assert.Equal(JsonValueKind.Null, PageAt(ReadIndex(), "index.html").GetProperty("section").ValueKind);
    }

    [Fact]
    public async Task Pages_come_in_reading_order_with_section_pages_and_without_tag_pages()
    {
        site.Page("index.md", "Home");
        site.Page("guide/b.md", "Second", frontMatter: "order: 2\ntags: [venv]\n");
        site.Page("guide/a.md", "First", frontMatter: "order: 1\n");

        Expect.Success(await site.BuildAsync());

        var urls = ReadIndex().EnumerateArray().Select(p => p.GetProperty("url").GetString()).ToList();
        Assert.Equal(["index.html", "guide/index.html", "guide/a/index.html", "guide/b/index.html"], urls);
        Assert.True(site.OutputExists("tags/venv/index.html"));
    }

    [Fact]
    public async Task Snippet_code_and_output_are_not_indexed_but_the_text_around_them_is()
    {
        site.Page("index.md", "Home", "Before the snippet.\n\n```python run\nprint printed-by-snippet\n```\n\nAfter the snippet.\n");

        Expect.Success(await site.BuildAsync(site.Options(), new FakeRuntimes()));

        Assert.Contains("printed-by-snippet", site.ReadOutput("index.html"));
        var script = site.ReadOutput(BuildSearchIndex.OutputPath);
        Assert.DoesNotContain("printed-by-snippet", script);
        Assert.DoesNotContain("verified", script);
        var intro = PageAt(ReadIndex(), "index.html").GetProperty("sections")[0];
        Assert.Equal("Before the snippet. After the snippet.", intro.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Long_sections_are_cut_at_a_word()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", BuildSearchIndex.MaxSectionText));
        site.Page("index.md", "Home", words);

        Expect.Success(await site.BuildAsync());

        var text = PageAt(ReadIndex(), "index.html").GetProperty("sections")[0].GetProperty("text").GetString()!;
        Assert.InRange(text.Length, BuildSearchIndex.MaxSectionText - 5, BuildSearchIndex.MaxSectionText);
        Assert.EndsWith("word", text);
    }

    [Fact]
    public async Task Under_serve_a_rebuild_makes_the_entry_of_the_edited_page_again_and_keeps_the_others()
    {
        site.Page("index.md", "Home", "Welcome.");
        site.Page("guide/a.md", "First", "Old text.");
        site.Page("guide/b.md", "Second", "Untouched text.");
        var cache = new RebuildCache();
        Task<BuildResult> RebuildAsync() => SiteBuilder.BuildAsync(site.Options(), SilentProgress.Instance, mode: BuildMode.Preview, rebuildCache: cache);
        JsonElement IndexOf(BuildResult result)
        {
            Expect.Success(result);
            return Parse(Assert.Single(result.Outputs, o => o.Path == BuildSearchIndex.OutputPath).Text!);
        }

        var before = IndexOf(await RebuildAsync());

        site.Page("guide/a.md", "First", "The new text.");
        var after = IndexOf(await RebuildAsync());

        Assert.Contains("search 3/4 reused", cache.LastBuildSummary); // home, the section page, b; not a
        Assert.Equal("The new text.", PageAt(after, "guide/a/index.html").GetProperty("sections")[0].GetProperty("text").GetString());
        Assert.Equal(PageAt(before, "guide/b/index.html").GetRawText(), PageAt(after, "guide/b/index.html").GetRawText());

        site.Page("guide/b.md", "Second, renamed", "Untouched text.");
        var renamed = IndexOf(await RebuildAsync());

        Assert.Contains("search 3/4 reused", cache.LastBuildSummary); // a title is part of the entry
        Assert.Equal("Second, renamed", PageAt(renamed, "guide/b/index.html").GetProperty("title").GetString());
    }

    [Fact]
    public void Shorten_keeps_short_text_and_cuts_long_text_at_a_space()
    {
        Assert.Equal("short", BuildSearchIndex.Shorten("short", 10));
        Assert.Equal("one two", BuildSearchIndex.Shorten("one two three", 9));
        Assert.Equal("abcdefghij", BuildSearchIndex.Shorten("abcdefghijklmnop", 10));
    }
}
