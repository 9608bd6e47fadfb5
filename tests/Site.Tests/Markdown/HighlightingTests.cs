using Site.Core;
using Site.Markdown.Highlighting;
using Site.Tests.Support;

namespace Site.Tests.Markdown;

/// <summary>Highlighting runs Node; the tests that change SITE_NODE share the process environment, so they run alone.</summary>
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
    public async Task With_node_on_the_path_python_comes_out_with_hljs_spans_and_escaped_html()
    {
        Assert.True(IsOnPath("node"), "node is not on PATH: it is a prerequisite (README) and code highlighting needs it");
        using var _ = new EnvironmentVariable("SITE_NODE", null);
        using var site = new TestSite();
        site.Page("index.md", "Home", Page);

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.HighlighterUnavailable);
        var html = site.ReadOutput("index.html");
        Assert.Contains("<code class=\"hljs language-python\"><span class=\"hljs-keyword\">def</span> <span class=\"hljs-title function_\">greet</span>", html);
        Assert.Contains("<span class=\"hljs-string\">&quot;&lt;b&gt;&quot;</span>", html);
        Assert.Contains("<code class=\"hljs language-javascript\"><span class=\"hljs-keyword\">const</span>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("\"<b>\"", html);
    }

    [Fact]
    public async Task Without_node_the_build_warns_SITE041_and_shows_plain_escaped_code()
    {
        using var temp = new TempFolder();
        using var _ = new EnvironmentVariable("SITE_NODE", temp["no-such-node"]);
        using var site = new TestSite();
        site.Page("index.md", "Home", Page);

        var result = await site.BuildAsync();

        Expect.Success(result);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HighlighterUnavailable);
        Assert.StartsWith("site: warning SITE041: code blocks are not highlighted: ", warning.ToString());
        Assert.Contains("install Node.js or set SITE_NODE", warning.Message);
        var html = site.ReadOutput("index.html");
        Assert.DoesNotContain("hljs-", html);
        Assert.Contains("<code class=\"hljs language-python\">def greet(name):\n    return &quot;&lt;b&gt;&quot; + name + &quot;&lt;/b&gt;&quot;</code>", html);
        Assert.Contains("const tag = &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;;", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task Without_node_a_site_with_nothing_to_highlight_builds_without_a_warning()
    {
        using var temp = new TempFolder();
        using var _ = new EnvironmentVariable("SITE_NODE", temp["no-such-node"]);
        using var site = new TestSite();
        site.Page("index.md", "Home", "```dataview\nLIST <b>\n```\n");

        var result = await site.BuildAsync();

        Expect.Success(result);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("<code class=\"nohighlight\">LIST &lt;b&gt;</code>", site.ReadOutput("index.html"));
    }

    [Fact]
    public async Task The_highlighter_returns_null_for_languages_highlight_js_does_not_have()
    {
        Assert.True(IsOnPath("node"), "node is not on PATH: it is a prerequisite (README) and code highlighting needs it");
        using var _ = new EnvironmentVariable("SITE_NODE", null);

        var html = await NodeHighlighter.HighlightAsync([("python", "x = 1"), ("cobol-nope", "x")], CancellationToken.None);

        Assert.Equal(2, html.Length);
        Assert.Equal("x = <span class=\"hljs-number\">1</span>", html[0]);
        Assert.Null(html[1]);
    }

    private static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)) || File.Exists(Path.Combine(folder, program + ".exe")));

    [Fact]
    public async Task Code_highlighted_once_is_taken_from_the_cache_without_starting_node()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "```python\ndef cached(): pass\n```\n");
        var first = await site.BuildAsync();
        Assert.Equal(ExitCode.Success, first.ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Cache, "highlight.json")));

        using var noNode = new EnvironmentVariable("SITE_NODE", "/nonexistent/node");
        var second = await site.BuildAsync();

        Assert.Empty(second.Diagnostics); // no SITE041: Node was never needed
        Assert.Contains("<span class=\"hljs-title function_\">cached</span>", site.ReadOutput("index.html"));

        var noCache = await site.BuildAsync(site.Options() with { NoCache = true });
        Assert.Contains(noCache.Diagnostics, d => d.Code == "SITE041"); // --no-cache highlights again
    }

    [Fact]
    public async Task Under_serve_highlighting_is_kept_in_memory_whole_and_block_by_block()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "```python\ndef cached(): pass\n```\n");
        site.Page("other.md", "Other", "```python\ndef other(): pass\n```\n");
        Assert.Equal(ExitCode.Success, (await site.BuildAsync()).ExitCode);
        var rebuilds = new RebuildCache();
        Task<BuildResult> RebuildAsync() => SiteBuilder.BuildAsync(site.Options(), SilentProgress.Instance, mode: BuildMode.Preview, rebuildCache: rebuilds);
        string Home(BuildResult result) => Assert.Single(result.Outputs, o => o.Path == "index.html").Text!;
        await RebuildAsync(); // from highlight.json
        File.Delete(Path.Combine(site.Cache, "highlight.json"));
        using var noNode = new EnvironmentVariable("SITE_NODE", "/nonexistent/node");

        // The same code as before: the last build's highlighting, whole.
        site.Page("index.md", "Home", "```python\ndef cached(): pass\n```\n\nA new paragraph.\n");
        var same = await RebuildAsync();
        Assert.Empty(same.Diagnostics); // no SITE041: neither the file nor Node was needed
        Assert.Contains("highlight site 1/1 reused", rebuilds.LastBuildSummary);
        Assert.Contains("<span class=\"hljs-title function_\">cached</span>", Home(same));

        // Other code: each block that is left is still known, though the build before used the whole only.
        site.Page("other.md", "Other", "No code any more.\n");
        var fewer = await RebuildAsync();
        Assert.Empty(fewer.Diagnostics);
        Assert.Contains("highlight 1/1 reused", rebuilds.LastBuildSummary);
        Assert.Contains("<span class=\"hljs-title function_\">cached</span>", Home(fewer));
        Assert.False(File.Exists(Path.Combine(site.Cache, "highlight.json"))); // nothing was written either
    }
}
