using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.FrontMatter;

public sealed class DraftsTests
{
    private static TestSite SiteWithDraft()
    {
        var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("guide/done.md", "Done");
        site.Page("guide/wip.md", "Work in progress", frontMatter: "draft: true\n");
        return site;
    }

    [Fact]
    public async Task Drafts_are_left_out_by_default()
    {
        using var site = SiteWithDraft();

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.True(site.OutputExists("guide/done/index.html"));
        Assert.False(site.OutputExists("guide/wip/index.html"));
        Assert.DoesNotContain("Work in progress", site.ReadOutput("guide/done/index.html"));
        Assert.Equal(2, result.PageCount);
    }

    [Fact]
    public async Task Drafts_are_built_with_IncludeDrafts()
    {
        using var site = SiteWithDraft();

        var result = await site.BuildAsync(drafts: true);

        Expect.Success(result);
        Assert.True(site.OutputExists("guide/wip/index.html"));
        Assert.Contains("Work in progress", site.ReadOutput("guide/done/index.html"));
        Assert.Equal(3, result.PageCount);
    }

    [Fact]
    public async Task Drafts_are_built_with_the_drafts_option_of_the_command_line()
    {
        using var site = SiteWithDraft();

        var run = await site.RunCliAsync("--drafts");

        Assert.Equal(0, run.ExitCode);
        Assert.True(site.OutputExists("guide/wip/index.html"));
    }

    [Fact]
    public async Task A_link_to_a_left_out_draft_is_SITE013_and_builds_with_drafts()
    {
        using var site = SiteWithDraft();
        site.Page("guide/done.md", "Done", "Intro.\n\nSoon: [the plan](wip.md).\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.LinkToDraft, "input/guide/done.md", 7, 7, "a draft that is built only with --drafts");
        Expect.Success(await site.BuildAsync(drafts: true));
    }
}
