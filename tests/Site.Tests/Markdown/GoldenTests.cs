using Site.Tests.Support;

namespace Site.Tests.Markdown;

/// <summary>
/// Golden files: each Golden/NAME.md renders to exactly Golden/NAME.html. Run with SITE_UPDATE_SNAPSHOTS=1 to rewrite the
/// .html files in the source tree from the current output (then read the diff before accepting it).
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.GoldenOutput, "*.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Fact]
    public void The_golden_folder_has_every_required_case()
    {
        string[] required = ["callouts", "tables", "footnotes", "task-lists", "headings", "attributes", "containers", "emphasis",
            "dataview", "snippet", "compare", "comparison"];
        var cases = Directory.EnumerateFiles(TestPaths.GoldenOutput, "*.md").Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.All(required, name => Assert.Contains(name, cases));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_renders_exactly_as_the_golden_html(string name)
    {
        var markdown = File.ReadAllText(Path.Combine(TestPaths.GoldenOutput, name + ".md"));

        var (html, diagnostics, _) = MarkdownHarness.Render(markdown, name + ".md");

        Assert.True(diagnostics.Count == 0, "unexpected diagnostics:\n" + Expect.Dump(diagnostics));
        if (Environment.GetEnvironmentVariable("SITE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(TestPaths.GoldenSource, name + ".html"), html);
            return;
        }

        var expectedFile = Path.Combine(TestPaths.GoldenOutput, name + ".html");
        Assert.True(File.Exists(expectedFile), $"{name}.html is missing; run the tests with SITE_UPDATE_SNAPSHOTS=1 to create it");
        Assert.Equal(File.ReadAllText(expectedFile).ReplaceLineEndings("\n"), html.ReplaceLineEndings("\n"));
    }
}
