using Site.Core;
using Site.Markdown.Highlighting.Engine;
using Site.Tests.Support;

namespace Site.Tests.Markdown;

/// <summary>Code is highlighted in process as it is rendered: Node plays no part (the test that hides it changes SITE_NODE).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class HighlightingTests
{
    private const string Page = """
        ```python
        def greet(name):
            return "<b>" + name + "</b>"
        ```

        ```js
        const tag = "<script>alert(1)</script>";
        ```
        """;

    [Fact]
    public async Task Without_node_python_and_javascript_come_out_with_hljs_spans_and_escaped_html()
    {
        using var temp = new TempFolder();
        using var _ = new EnvironmentVariable("SITE_NODE", temp["no-such-node"]);
        using var site = new TestSite();
        site.Page("index.md", "Home", Page);

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.Empty(result.Diagnostics);
        var html = site.ReadOutput("index.html");
        Assert.Contains("<code class=\"hljs language-python\"><span class=\"hljs-keyword\">def</span> <span class=\"hljs-title function_\">greet</span>", html);
        Assert.Contains("<span class=\"hljs-string\">&quot;&lt;b&gt;&quot;</span>", html);
        Assert.Contains("<code class=\"hljs language-javascript\"><span class=\"hljs-keyword\">const</span>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("\"<b>\"", html);
        Assert.False(Directory.Exists(site.Cache) && File.Exists(Path.Combine(site.Cache, "highlight.json"))); // nothing kept on disk
    }

    [Fact]
    public async Task A_language_nothing_knows_is_plain_escaped_code_without_a_warning()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "```dataview\nLIST <b>\n```\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("<code class=\"nohighlight\">LIST &lt;b&gt;</code>", site.ReadOutput("index.html"));
    }

    [Fact]
    public void The_highlighter_returns_null_for_languages_it_was_not_given()
    {
        Assert.Equal("x = <span class=\"hljs-number\">1</span>", Highlighter.Highlight("python", "x = 1"));
        Assert.Null(Highlighter.Highlight("cobol-nope", "x"));
        Assert.Null(Highlighter.Highlight("graphql", "{ a }")); // embedded by javascript by name, but not one of ours
    }
}
