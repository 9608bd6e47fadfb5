using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.EndToEnd;

public sealed class ErrorCollectionTests
{
    [Fact]
    public async Task A_site_with_three_broken_pages_reports_all_three_exits_1_and_keeps_the_previous_output()
    {
        using var site = new TestSite(TestPaths.BasicSite);
        var first = await site.RunCliAsync();
        Assert.True(first.ExitCode == 0, first.Error);
        File.WriteAllText(Path.Combine(site.Output, "marker.txt"), "from the last good build");
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Order().ToList();

        site.Write("basics/first.md", "---\ntitle: First\norder: soon\n---\n\nText.\n");
        site.Write("basics/second.md", "---\ntitle: Second\n---\n\nSee [nothing](missing.md).\n");
        site.Write("advanced/one.md", "---\ntitle: One\nlayout: poster\n---\n\nText.\n");
        var run = await site.RunCliAsync();

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("input/advanced/one.md(3,9): error SITE012: unknown layout 'poster' (the theme has: home, page, section, tag, tags)", lines[0]);
        Assert.EndsWith("input/basics/first.md(3,8): error SITE004: 'order' must be a whole number", lines[1]);
        Assert.EndsWith("input/basics/second.md(5,5): error SITE010: link to 'missing.md': no page or file 'basics/missing.md' in the input", lines[2]);
        Assert.Contains("Build failed: ", run.Out);
        Assert.Contains(", 3 errors, ", run.Out);

        Assert.Equal("from the last good build", File.ReadAllText(Path.Combine(site.Output, "marker.txt")));
        Assert.Equal(before, Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Contains("First steps", site.ReadOutput("basics/first/index.html"));
    }

    [Fact]
    public async Task Errors_from_every_stage_are_collected_in_one_build()
    {
        using var site = new TestSite();
        site.Write("site.yml", "title: [unclosed\n");
        site.Page("index.md", "Home", "::: comparison nope\n:::\n\n```python run bogus\nx\n```\n");
        site.Write("notitle.md", "---\norder: 1\n---\n");
        site.Write("data/bad.yml", "rows: 3\n");

        var result = await site.BuildAsync();

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        Assert.Equal(
            [DiagnosticCodes.MalformedDataFile, DiagnosticCodes.UnknownDataTable, DiagnosticCodes.InvalidSnippetOption, DiagnosticCodes.MissingTitle, DiagnosticCodes.MalformedSettings],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code));
    }
}
