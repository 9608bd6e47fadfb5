using Site.Core;

namespace Site.Tests.Core;

public sealed class DiagnosticsTests
{
    [Fact]
    public void A_diagnostic_prints_in_compiler_format()
    {
        var located = Diagnostic.Error("SITE010", new SourceLocation("input/a.md", 3, 7), "link to 'b.md'");
        var unlocated = Diagnostic.Warning("SITE031", null, "unknown setting 'theme'");

        Assert.Equal("input/a.md(3,7): error SITE010: link to 'b.md'", located.ToString());
        Assert.Equal("site: warning SITE031: unknown setting 'theme'", unlocated.ToString());
        Assert.Equal("input/a.md(3,7): error SITE010: x\n  detail", (Diagnostic.Error("SITE010", new SourceLocation("input/a.md", 3, 7), "x") with { Detail = "  detail" }).ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Diagnostics_are_sorted_by_file_line_and_column_and_deduplicated()
    {
        var diagnostics = new Diagnostics();
        diagnostics.Error("SITE010", new SourceLocation("b.md", 1, 1), "x");
        diagnostics.Error("SITE010", new SourceLocation("a.md", 9, 1), "x");
        diagnostics.Error("SITE011", new SourceLocation("a.md", 2, 5), "x");
        diagnostics.Error("SITE010", new SourceLocation("a.md", 2, 3), "x");
        diagnostics.Error("SITE010", new SourceLocation("a.md", 2, 3), "x");
        diagnostics.Warning("SITE031", null, "y");

        var sorted = diagnostics.Sorted();

        Assert.Equal(["site: warning SITE031: y", "a.md(2,3): error SITE010: x", "a.md(2,5): error SITE011: x", "a.md(9,1): error SITE010: x", "b.md(1,1): error SITE010: x"],
            sorted.Select(d => d.ToString()));
        Assert.Equal(4, diagnostics.ErrorCount);
        Assert.Equal(1, diagnostics.WarningCount);
    }

    [Fact]
    public void Display_paths_are_relative_to_the_working_directory_when_inside_it()
    {
        var inside = Context(Path.Combine(Environment.CurrentDirectory, "docs", "input"));
        var outside = Context(Path.Combine(Path.GetPathRoot(Environment.CurrentDirectory)!, "elsewhere-" + Guid.NewGuid().ToString("N")));

        Assert.Equal("docs/input/guide/a.md", inside.DisplayPath("guide/a.md"));
        Assert.Equal(Path.Combine(outside.Options.InputDirectory, "guide", "a.md").Replace('\\', '/'), outside.DisplayPath("guide/a.md"));
    }

    private static BuildContext Context(string input) => new()
    {
        Options = new BuildOptions { InputDirectory = input, OutputDirectory = input + "-out", ThemeDirectory = input + "-theme" },
        Diagnostics = new Diagnostics(),
        Progress = SilentProgress.Instance,
    };
}
