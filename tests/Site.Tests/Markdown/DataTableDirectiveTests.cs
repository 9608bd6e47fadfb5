using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Markdown;

public sealed class DataTableDirectiveTests
{
    private const string Table = """
        title: Tools
        columns:
          task: Task
          python: Python
        rows:
          - task: Install
            python: "`pip`"
            topic: packages
          - task: Run
            python: "`python`"
            topic: runtime
        """;

    [Fact]
    public async Task An_unknown_data_table_is_SITE020_at_the_directive()
    {
        using var site = new TestSite();
        site.Write("data/tools.yml", Table);
        site.Page("index.md", "Home", "Intro.\n\n::: comparison nope\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.UnknownDataTable, "input/index.md", 7, 1, "no data table 'nope' (input/data/nope.yml); known: tools");
    }

    [Fact]
    public async Task A_comparison_without_a_name_is_SITE020()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "::: comparison\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.UnknownDataTable, "input/index.md", 5, 1, "needs a table name");
    }

    [Fact]
    public async Task A_topic_without_rows_is_SITE020()
    {
        using var site = new TestSite();
        site.Write("data/tools.yml", Table);
        site.Page("index.md", "Home", "::: comparison tools topic=deployment\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.UnknownDataTable, "input/index.md", 5, 1, "has no rows with topic deployment");
    }

    [Fact]
    public async Task An_unknown_directive_option_is_SITE020()
    {
        using var site = new TestSite();
        site.Write("data/tools.yml", Table);
        site.Page("index.md", "Home", "::: comparison tools colour=red\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.UnknownDataTable, "input/index.md", 5, 1, "unknown option 'colour=red'");
    }

    [Fact]
    public async Task A_broken_link_in_a_data_file_is_reported_at_the_data_file_once()
    {
        using var site = new TestSite();
        site.Write("data/tools.yml", "rows:\n  - task: Install\n    link: nowhere.md\n");
        site.Page("index.md", "Home", "::: comparison tools\n:::\n");
        site.Page("other.md", "Other", "::: comparison tools\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.BrokenLink, "input/data/tools.yml", 3, 11, "no page or file 'nowhere.md'");
    }

    [Fact]
    public async Task A_topic_filter_keeps_only_its_rows()
    {
        using var site = new TestSite();
        site.Write("data/tools.yml", Table);
        site.Page("index.md", "Home", "::: comparison tools topic=runtime\n:::\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        var html = site.ReadOutput("index.html");
        Assert.Contains("<table class=\"comparison data-table\"><caption>Tools</caption>", html);
        Assert.Contains("<th scope=\"row\">Run</th><td><code>python</code></td>", html);
        Assert.DoesNotContain("Install", html);
    }
}
