using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Core;

/// <summary>
/// A build that reuses what earlier builds computed (the preview server's) must produce exactly what a build from
/// scratch produces: the same files, byte for byte, and the same diagnostics, whatever was edited.
/// </summary>
public sealed class RebuildCacheTests : IDisposable
{
    private readonly TestSite site = new(TestPaths.BasicSite);
    private readonly RebuildCache cache = new();
    private readonly FakeRuntimes runtimes = new();

    public RebuildCacheTests()
    {
        site.Theme = Path.Combine(site.Root, "theme");
        TempFolder.CopyTree(TestPaths.TestTheme, site.Theme);
        site.Page("snippets.md", "Snippets", "```python run\nprint hello\n```\n\n```output\nhello\n```\n\n## Later {#later}\n");
    }

    public void Dispose() => site.Dispose();

    public static TheoryData<string> Edits => new()
    {
        "nothing", "body", "title", "heading", "broken anchor", "snippet", "data table", "site settings", "new page", "deleted page", "template", "draft",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task After_an_edit_a_rebuild_equals_a_build_from_scratch(string edit)
    {
        await AssertSameAsFromScratchAsync();

        Edit(edit);
        // A file written in the last second is read again anyway; wait so the stamp alone decides for the others.
        await Task.Delay(1100);

        await AssertSameAsFromScratchAsync();
        await AssertSameAsFromScratchAsync(); // and a second time, now from what the first rebuild kept
    }

    [Fact]
    public async Task A_rebuild_after_editing_one_page_reuses_the_others()
    {
        await BuildAsync(cache);
        await Task.Delay(1100);
        site.Page("advanced/one.md", "Alpha topics", "The first advanced page, edited.\n", "order: 1\ntags: [intro, deep]\n");

        var result = await BuildAsync(cache);

        // 8 Markdown files, one of them a draft; the snippet page shows its result as cached now, so it renders again.
        Expect.Success(result);
        Assert.Contains("front matter 7/8 reused", cache.LastBuildSummary);
        Assert.Contains("markdown 6/7 reused", cache.LastBuildSummary);
        Assert.Contains("links 6/7 reused", cache.LastBuildSummary);
        Assert.Contains("render 5/7 reused", cache.LastBuildSummary);
        Assert.Contains("theme templates 1/1 reused", cache.LastBuildSummary);
        Assert.Single(runtimes.Runs); // the snippet ran once, in the first build
    }

    [Fact]
    public async Task Link_targets_are_hashed_again_only_when_a_page_url_or_anchor_changed()
    {
        await BuildAsync(cache);
        await Task.Delay(1100);

        Edit("body");
        Expect.Success(await BuildAsync(cache));
        Assert.Contains("link targets 2/2 reused", cache.LastBuildSummary); // links, then render, both from the last build

        Edit("heading");
        await BuildAsync(cache);
        Assert.Contains("link targets 1/2 reused", cache.LastBuildSummary); // made again once, for links; render reuses it
    }

    [Fact]
    public async Task A_new_heading_makes_again_the_links_and_html_of_the_pages_that_link_to_its_page_only()
    {
        await BuildAsync(cache);
        await BuildAsync(cache); // the snippet page now shows its result as cached, as it will from here on
        await Task.Delay(1100);

        Edit("heading");
        Expect.Success(await BuildAsync(cache));

        // 7 pages: basics/second (edited), basics/first (links to second#details) and advanced/two (shows a data table,
        // whose cells may link anywhere) again; the home, basics/index, advanced/one and the snippet page kept.
        Assert.Contains("links 4/7 reused", cache.LastBuildSummary);
        Assert.Contains("render 4/7 reused", cache.LastBuildSummary);
    }

    private void Edit(string edit)
    {
        switch (edit)
        {
            case "nothing":
                break;
            case "body":
                site.Page("advanced/one.md", "Alpha topics", "The first advanced page, edited.\n", "order: 1\ntags: [intro, deep]\n");
                break;
            case "title":
                site.Page("basics/second.md", "Second steps, renamed", "## Details\n\nBack to [the first page](first.md).\n", "order: 2\n");
                break;
            case "heading":
                site.Page("basics/second.md", "Second steps", "## More details {#details}\n\n## New heading\n", "order: 2\n");
                break;
            case "broken anchor":
                site.Page("basics/second.md", "Second steps", "## Other\n\nBack to [the first page](first.md).\n", "order: 2\n");
                break;
            case "snippet":
                site.Page("snippets.md", "Snippets", "```python run\nprint changed\n```\n\n```output\nhello\n```\n");
                break;
            case "data table":
                site.Write("data/tools.yml", File.ReadAllText(Path.Combine(site.Input, "data", "tools.yml")).Replace("pip install", "pip install --user"));
                break;
            case "site settings":
                site.Write("site.yml", "title: Renamed Guide\nnavigation: [advanced, basics]\n");
                break;
            case "new page":
                site.Page("advanced/three.md", "Gamma", "Links to [one](one.md).\n", "tags: [new]\n");
                break;
            case "deleted page":
                File.Delete(Path.Combine(site.Input, "advanced", "two.md"));
                break;
            case "template":
                File.AppendAllText(Path.Combine(site.Theme, "layouts", "page.hbs"), "<!-- edited -->\n");
                break;
            case "draft":
                site.Page("advanced/one.md", "Alpha topics", "Now a draft.\n", "draft: true\n");
                break;
            default:
                throw new ArgumentException(edit);
        }
    }

    private async Task AssertSameAsFromScratchAsync()
    {
        var rebuilt = await BuildAsync(cache);
        var scratch = await BuildAsync(cache: null);

        Assert.Equal(Expect.Dump(scratch.Diagnostics), Expect.Dump(rebuilt.Diagnostics));
        Assert.Equal(scratch.Outputs.Select(o => o.Path), rebuilt.Outputs.Select(o => o.Path));
        foreach (var (expected, actual) in scratch.Outputs.Zip(rebuilt.Outputs))
        {
            Assert.Equal(WithoutCached(expected.Text), WithoutCached(actual.Text));
            Assert.Equal(expected.CopyFrom, actual.CopyFrom);
        }
    }

    /// <summary>A snippet the rebuild ran is one the build after it finds in the cache, and says so: that is the one difference allowed.</summary>
    private static string? WithoutCached(string? html) => html?.Replace(", cached\">", "\">", StringComparison.Ordinal);

    private Task<BuildResult> BuildAsync(RebuildCache? cache) =>
        SiteBuilder.BuildAsync(site.Options(), SilentProgress.Instance, mode: BuildMode.Preview, runtimes: runtimes, rebuildCache: cache);
}
