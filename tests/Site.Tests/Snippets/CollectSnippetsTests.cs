using Site.Core;
using Site.Snippets;
using Site.Tests.Support;

namespace Site.Tests.Snippets;

public sealed class CollectSnippetsTests
{
    private static IReadOnlyList<Snippet> Collect(string markdown, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var (_, found, page) = MarkdownHarness.Render(markdown, "guide/page.md");
        diagnostics = found;
        return page.Snippets;
    }

    [Fact]
    public void Snippets_of_a_page_share_one_session_per_language_by_default()
    {
        var snippets = Collect("```python run\na = 1\n```\n\n```js run\nlet a = 1\n```\n\n```py run\nprint(a)\n```\n", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["python:page", "js:page", "python:page"], snippets.Select(s => s.Session));
        Assert.Equal([SnippetLanguage.Python, SnippetLanguage.JavaScript, SnippetLanguage.Python], snippets.Select(s => s.Language));
    }

    [Fact]
    public void A_named_session_and_isolated_snippets_get_their_own_sessions()
    {
        var snippets = Collect("```python run session=setup\na = 1\n```\n\n```python run isolated\nb = 2\n```\n\n```python run isolated\nc = 3\n```\n", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["python:setup", "python:isolated@5", "python:isolated@9"], snippets.Select(s => s.Session));
    }

    [Fact]
    public void A_snippet_knows_its_code_location_and_expected_output()
    {
        var snippets = Collect("Intro\n\n```python run\nprint(3)\n```\n\n```output\n3\n```\n\n```python\nnot run\n```\n", out _);

        var snippet = Assert.Single(snippets);
        Assert.Equal("print(3)", snippet.Code);
        Assert.Equal(new SourceLocation("guide/page.md", 3, 1), snippet.At);
        Assert.Equal("3", snippet.ExpectedOutput);
        Assert.Equal(new SourceLocation("guide/page.md", 8, 1), snippet.ExpectedAt);
        Assert.Null(snippet.Compare);
    }

    [Fact]
    public void Snippets_in_a_compare_block_know_their_group()
    {
        var snippets = Collect("::: compare same-output\n```js run\nconsole.log(1)\n```\n\n```python run\nprint(1)\n```\n:::\n", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(2, snippets.Count);
        Assert.All(snippets, s => Assert.Equal(new CompareGroup(new SourceLocation("guide/page.md", 1, 1), SameOutput: true), s.Compare));
    }

    [Fact]
    public async Task An_invalid_snippet_option_is_SNIP001_at_the_fence()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "Text.\n\n```python run timeout=soon\nprint(1)\n```\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidSnippetOption, "input/index.md", 7, 1, "timeout must be a number of seconds");
    }

    [Fact]
    public async Task A_runnable_fence_in_another_language_is_SNIP001()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "```ruby run\nputs 1\n```\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidSnippetOption, "input/index.md", 5, 1, "'ruby run': only python (py) and js (javascript) snippets can run");
    }

    [Fact]
    public async Task Isolated_with_a_session_is_SNIP001()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "```js run isolated session=a\nconsole.log(1)\n```\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidSnippetOption, "input/index.md", 5, 1, "cannot be both 'isolated' and in 'session=a'");
    }

    [Fact]
    public async Task A_compare_block_with_two_python_snippets_is_SNIP010_at_the_container()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "Intro.\n\n::: compare\n```python run\nprint(1)\n```\n\n```python run\nprint(2)\n```\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidCompare, "input/index.md", 7, 1, "must hold exactly one 'js run' and one 'python run' snippet");
    }

    [Fact]
    public async Task A_compare_block_with_one_snippet_is_SNIP010()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "::: compare\n```js run\nconsole.log(1)\n```\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidCompare, "input/index.md", 5, 1, "exactly one 'js run' and one 'python run'");
    }

    [Fact]
    public async Task A_compare_block_with_plain_code_instead_of_snippets_is_SNIP010()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "::: compare\n```js\nconsole.log(1)\n```\n\n```python\nprint(1)\n```\n:::\n");

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.InvalidCompare, "input/index.md", 5, 1, "exactly one 'js run' and one 'python run'");
    }
}
