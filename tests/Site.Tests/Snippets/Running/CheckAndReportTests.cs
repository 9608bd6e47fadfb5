using System.Text.Json;
using Site.Cli;
using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Snippets.Running;

/// <summary><c>check</c>'s summary line and <c>--report</c>'s JSON, on fake engines.</summary>
public sealed class CheckAndReportTests : IDisposable
{
    private readonly TestSite site = new();
    private readonly FakeRuntimes runtimes = new();

    public void Dispose() => site.Dispose();

    private void WritePages()
    {
        site.Page("a.md", "A", "```python run\nprint 1\n```\n\n```output\n1\n```\n\n```js run session=s\nprint x\n```\n");
        site.Page("b.md", "B", "```python run\nprint 2\n```\n\n```output\n3\n```\n\n[broken](missing.md) and [out](https://example.org/x)\n");
    }

    [Fact]
    public async Task Check_ends_with_one_line_of_passed_and_failed_snippets_and_writes_nothing()
    {
        WritePages();
        var result = await site.BuildAsync(site.Options(), runtimes, BuildMode.Check);
        using var output = new StringWriter();
        using var error = new StringWriter();

        ConsoleReporter.ReportCheck(result, site.Options(), output, error);

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        Assert.Equal("2 passed, 1 failed", output.ToString().TrimEnd().Split('\n')[^1]);
        Assert.Contains("b.md(5,1): error SNIP002: python snippet printed '2' but the page expects '3'", error.ToString());
        Assert.Contains("error SITE010", error.ToString()); // links are checked too
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Check_counts_other_errors_when_every_snippet_passed()
    {
        site.Page("a.md", "A", "```python run\nprint 1\n```\n\n[broken](missing.md)\n");
        var result = await site.BuildAsync(site.Options(), runtimes, BuildMode.Check);
        using var output = new StringWriter();

        ConsoleReporter.ReportCheck(result, site.Options(), output, TextWriter.Null);

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        Assert.Equal("1 passed, 0 failed (1 other error)", output.ToString().Trim());
    }

    [Fact]
    public async Task The_report_lists_every_page_and_snippet()
    {
        WritePages();
        var result = await site.BuildAsync(site.Options(), runtimes, BuildMode.Check);
        var path = Path.Combine(site.Root, "reports", "report.json");

        var exit = ReportFile.WriteIfAsked(path, result, site.Options(), TextWriter.Null);

        Assert.Equal(ExitCode.BuildFailed, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        Assert.False(root.GetProperty("success").GetBoolean());
        Assert.Equal(3, root.GetProperty("snippets").GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("snippets").GetProperty("failed").GetInt32());
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(2, pages.Count);
        var first = pages.Single(p => p.GetProperty("file").GetString()!.EndsWith("a.md", StringComparison.Ordinal));
        var snippets = first.GetProperty("snippets").EnumerateArray().ToList();
        Assert.Equal(["python", "js"], snippets.Select(s => s.GetProperty("language").GetString()));
        Assert.Equal([5, 13], snippets.Select(s => s.GetProperty("line").GetInt32()));
        Assert.Equal(["python:page", "js:s"], snippets.Select(s => s.GetProperty("session").GetString()));
        Assert.Equal(["verified", "ran"], snippets.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(2, snippets[0].GetProperty("outputLength").GetInt32());
        Assert.True(snippets[0].GetProperty("durationMs").GetDouble() > 0);
        var b = pages.Single(p => p.GetProperty("file").GetString()!.EndsWith("b.md", StringComparison.Ordinal));
        var link = Assert.Single(b.GetProperty("externalLinks").EnumerateArray());
        Assert.Equal("https://example.org/x", link.GetProperty("url").GetString());
        Assert.Equal(13, link.GetProperty("line").GetInt32());
    }
}
