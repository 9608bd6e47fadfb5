using Site.Core;
using Site.Reading;
using Site.Tests.Support;

namespace Site.Tests.Reading;

public sealed class DataTablesTests
{
    [Fact]
    public void A_data_file_is_read_with_ordered_columns_links_and_topics()
    {
        var diagnostics = new Diagnostics();
        const string yaml = """
            title: Environments
            columns:
              concept: Concept
              python: Python
              javascript: JavaScript
            rows:
              - concept: Packages
                python: "`site-packages`"
                javascript: "`node_modules`"
                link: environments/venv.md
                topic: environments
              - concept: Runner
                python: python
                javascript: node
            """;

        var table = LoadDataTables.Parse("environments", "data/environments.yml", yaml, diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.NotNull(table);
        Assert.Equal("Environments", table.Title);
        Assert.Equal(["concept", "python", "javascript"], table.Columns.Select(c => c.Key));
        Assert.Equal(["Concept", "Python", "JavaScript"], table.Columns.Select(c => c.Label));
        Assert.Equal(2, table.Rows.Length);
        Assert.Equal("environments/venv.md", table.Rows[0].Link);
        Assert.Equal("environments", table.Rows[0].Topic);
        Assert.False(table.Rows[0].Cells.ContainsKey("link"));
        Assert.False(table.Rows[0].Cells.ContainsKey("topic"));
        Assert.Equal("`site-packages`", table.Rows[0].Cells["python"]);
        Assert.Null(table.Rows[1].Link);
        Assert.Equal(new SourceLocation("data/environments.yml", 10, 11), table.Rows[0].LinkAt);
    }

    [Fact]
    public void Without_columns_the_first_row_s_keys_become_humanized_headers()
    {
        var table = LoadDataTables.Parse("t", "t.yml", "rows:\n  - b_side: 1\n    a-side: 2\n", new Diagnostics());

        Assert.NotNull(table);
        Assert.Equal(["a-side", "b_side"], table.Columns.Select(c => c.Key));
        Assert.Equal(["A side", "B side"], table.Columns.Select(c => c.Label));
    }

    [Fact]
    public async Task A_malformed_data_file_is_SITE021_at_the_line_of_the_yaml_error()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("data/broken.yml", "title: Broken\nrows:\n  - a: 1\n  - b: [2, 3\n");

        var result = await site.BuildAsync();

        var text = Expect.Located(result, DiagnosticCodes.MalformedDataFile, "input/data/broken.yml", 5, 1, "malformed data file");
        Assert.DoesNotContain("(Line:", text);
    }

    [Fact]
    public async Task A_data_file_without_rows_is_SITE021()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("data/empty.yml", "title: Nothing here\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedDataFile, "input/data/empty.yml", 1, 1, "a data file needs 'rows:'");
    }

    [Fact]
    public void A_row_that_is_not_a_mapping_is_SITE021_at_that_row()
    {
        var diagnostics = new Diagnostics();

        LoadDataTables.Parse("t", "t.yml", "rows:\n  - a: 1\n  - just text\n", diagnostics);

        Expect.Located(diagnostics.Sorted(), DiagnosticCodes.MalformedDataFile, "t.yml", 3, 5, "each row must be a mapping");
    }
}
