using Site.Core;
using Site.FrontMatter;
using Site.Tests.Support;

namespace Site.Tests.FrontMatter;

public sealed class ParseFrontMatterTests
{
    private static Page PageOf(string text, string path = "guide/page.md") =>
        new() { SourcePath = path, DisplayPath = "input/" + path, Text = text };

    [Fact]
    public void Known_keys_are_typed_and_unknown_keys_are_kept_in_values()
    {
        var diagnostics = new Diagnostics();
        var page = PageOf("""
            ---
            title:  Activating a venv
            description: What activate changes.
            order: 2
            tags: [venv, shell]
            date: 2026-11-21
            draft: false
            layout: wide
            slug: activate
            difficulty: hard
            links:
              - one
              - two
            ---
            Body
            """);

        var metadata = ParseFrontMatter.Parse(page, diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal("Activating a venv", metadata.Title);
        Assert.Equal("What activate changes.", metadata.Description);
        Assert.Equal(2, metadata.Order);
        Assert.Equal(["venv", "shell"], metadata.Tags.ToArray());
        Assert.Equal(new DateOnly(2026, 11, 21), metadata.Date);
        Assert.False(metadata.Draft);
        Assert.Equal("wide", metadata.Layout);
        Assert.Equal("activate", metadata.Slug);
        Assert.Equal("hard", metadata.Values["difficulty"]);
        Assert.Equal(["one", "two"], Assert.IsType<List<object?>>(metadata.Values["links"]));
        Assert.Equal(new SourceLocation("input/guide/page.md", 8, 9), metadata.Locations[FrontMatterKeys.Layout]);
    }

    [Fact]
    public void Tags_may_be_a_comma_separated_string()
    {
        var metadata = ParseFrontMatter.Parse(PageOf("---\ntitle: T\ntags: venv, pip , shell\n---\n"), new Diagnostics());

        Assert.Equal(["venv", "pip", "shell"], metadata.Tags.ToArray());
    }

    [Fact]
    public void A_draft_is_marked()
    {
        var metadata = ParseFrontMatter.Parse(PageOf("---\ntitle: T\ndraft: true\n---\n"), new Diagnostics());

        Assert.True(metadata.Draft);
    }

    [Fact]
    public void Malformed_yaml_is_SITE002_at_the_line_of_the_error_counted_in_the_file()
    {
        var diagnostics = new Diagnostics();
        var page = PageOf("---\ntitle: Broken\ndescription: \"unclosed\norder: 1\n---\n\nBody\n");

        var metadata = ParseFrontMatter.Parse(page, diagnostics);

        // The unclosed string starts on line 3 of the file (line 2 of the YAML), column 14.
        Expect.Located(diagnostics.Sorted(), DiagnosticCodes.MalformedFrontMatter, "input/guide/page.md", 3, 14, "malformed front matter: ");
        Assert.Equal("Page", metadata.Title);
    }

    [Fact]
    public async Task Malformed_yaml_in_a_build_is_SITE002_located_in_the_page()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "---\ntitle: Broken\norder: 1\n  description: indented\n---\n\nBody\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedFrontMatter, "input/page.md", 4, 14, "malformed front matter: ");
    }

    [Fact]
    public async Task An_unclosed_tag_list_is_SITE002_at_the_start_of_the_front_matter_not_a_crash()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "---\ntitle: Broken\ntags: [a, b\nmore: x\n---\n\nBody\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedFrontMatter, "input/page.md", 2, 1, "malformed front matter: an unclosed '['");
    }

    [Fact]
    public async Task Front_matter_that_is_not_a_mapping_is_SITE002()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "---\n- just\n- a list\n---\n\nBody\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedFrontMatter, "input/page.md", 2, 1, "expected 'key: value' pairs");
    }

    [Fact]
    public async Task Unclosed_front_matter_is_SITE002_at_the_first_line()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "---\ntitle: Never closed\n\nBody text\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MalformedFrontMatter, "input/page.md", 1, 1, "front matter is not closed");
    }

    [Fact]
    public async Task A_page_without_a_title_is_SITE003()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "---\ndescription: No title here\n---\n\nBody\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MissingTitle, "input/page.md", 1, 1, "page has no title");
    }

    [Fact]
    public async Task A_page_without_front_matter_is_SITE003()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "# Just Markdown\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MissingTitle, "input/page.md", 1, 1, "page has no front matter");
    }

    [Fact]
    public async Task An_empty_title_is_SITE003_at_the_title_line()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", "---\norder: 1\ntitle: \"  \"\n---\n\nBody\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.MissingTitle, "input/page.md", 3, 8, "page has no title");
    }

    [Theory]
    [InlineData("order: first", 3, 8, "'order' must be a whole number")]
    [InlineData("order: 1.5", 3, 8, "'order' must be a whole number")]
    [InlineData("date: someday", 3, 7, "'date' must be a date like 2026-11-21")]
    [InlineData("draft: maybe", 3, 8, "'draft' must be true or false")]
    [InlineData("slug: Not A Slug", 3, 7, "'slug' must be lowercase letters, digits and '-'")]
    [InlineData("tags: { a: b }", 3, 7, "'tags' must be a list of tags")]
    public async Task An_invalid_value_is_SITE004_at_the_value(string line, int row, int column, string message)
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Write("page.md", $"---\ntitle: Page\n{line}\n---\n\nBody\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidFrontMatterValue, "input/page.md", row, column, message);
    }

    [Fact]
    public void Extract_finds_the_yaml_between_the_fences()
    {
        var block = ParseFrontMatter.Extract("---\na: 1\nb: 2\n...\nbody\n");

        Assert.NotNull(block);
        Assert.True(block.Closed);
        Assert.Equal("a: 1\nb: 2\n", block.Yaml);
        Assert.Equal(4, block.LineCount);
        Assert.Null(ParseFrontMatter.Extract("no front matter\n---\n"));
    }
}
