using System.Text.Json;
using Site.Tests.Support;

namespace Site.Tests.EndToEnd;

/// <summary>The command line with the real runtimes: embedded CPython and the Node worker.</summary>
public sealed class SnippetBuildTests : IDisposable
{
    private readonly TestSite site = new();

    public void Dispose() => site.Dispose();

    private static string Fence(string info, string code) => $"```{info}\n{code}\n```\n\n";

    [Fact]
    public async Task Build_embeds_real_outputs_and_names_the_runtimes()
    {
        site.Page("index.md", "Home",
            Fence("python run", "import sys\nprint(sum(range(5)), file=sys.stdout)\nprint('careful', file=sys.stderr)") + Fence("output", "10\ncareful")
            + Fence("js run", "const xs = [1, 2, 3];\nconsole.log(xs.map(x => x * 2).join(' '));") + Fence("output", "2 4 6")
            + Fence("js run", "console.log('<script>alert(1)</script>')"));

        var run = await site.RunCliAsync();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Snippets: 3 passed, 0 failed (3 ran, 0 from cache)", run.Out);
        var html = site.ReadOutput("index.html");
        Assert.Contains("<span class=\"stdout\">10\n</span><span class=\"stderr\" title=\"stderr\">careful\n</span>", html);
        Assert.Contains("2 4 6", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Matches(@"2 of 3 snippets on this page verified against their expected output · ran at build time on Node v\d+\.\d+\.\d+ and Python 3\.\d+\.\d+", html);
    }

    [Fact]
    public async Task A_wrong_output_fails_the_build_at_the_snippet_with_a_diff()
    {
        site.Page("guide/async.md", "Async", "Some text.\n\n" + Fence("python run", "print(2 * 3)") + Fence("output", "5"));

        var run = await site.RunCliAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("guide/async.md(7,1): error SNIP002: python snippet printed '6' but the page expects '5'", run.Error);
        Assert.Contains("    -5", run.Error);
        Assert.Contains("    +6", run.Error);
        Assert.Contains("left unchanged", run.Out);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Tracebacks_and_stack_traces_point_at_lines_of_the_markdown_file()
    {
        site.Page("errors.md", "Errors",
            Fence("python run", "def parse(text):\n    return int(text)\n\nparse('x')")
            + Fence("js run", "function parse(text) {\n  return JSON.parse(text);\n}\nparse('{');"));

        var run = await site.RunCliAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("errors.md(5,1): error SNIP003: python snippet raised ValueError: invalid literal for int() with base 10: 'x'", run.Error);
        Assert.Matches(@"File "".*errors\.md"", line 9, in <module>", run.Error);
        Assert.Matches(@"File "".*errors\.md"", line 7, in parse", run.Error);
        Assert.Contains("errors.md(12,1): error SNIP003: js snippet threw SyntaxError", run.Error);
        Assert.Matches(@"errors\.md:14", run.Error); // parse's JSON.parse call
        Assert.Matches(@"errors\.md:16", run.Error); // the top-level call
    }

    [Fact]
    public async Task Check_runs_everything_writes_nothing_and_ends_with_the_count()
    {
        site.Page("a.md", "A", Fence("python run", "print('ok')") + Fence("output", "ok") + Fence("js run", "console.log(1 + 1)") + Fence("output", "3"));

        var run = await site.RunCheckAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("1 passed, 1 failed", run.Out.TrimEnd().Split('\n')[^1]);
        Assert.Contains("error SNIP002: js snippet printed '2' but the page expects '3'", run.Error);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_second_build_takes_every_result_from_the_cache_and_frozen_needs_it()
    {
        site.Page("a.md", "A", Fence("python run", "print('py')") + Fence("js run", "console.log('js')"));

        var frozenFirst = await site.RunCliAsync("--frozen");
        var first = await site.RunCliAsync();
        site.Page("b.md", "B", "Another page, so the site is not up to date.\n");
        var second = await site.RunCliAsync();
        var frozen = await site.RunCliAsync("--frozen");

        Assert.Equal(1, frozenFirst.ExitCode);
        Assert.Contains("a.md(5,1): error SNIP009", frozenFirst.Error);
        Assert.Contains("(2 ran, 0 from cache)", first.Out);
        Assert.Contains("(0 ran, 2 from cache)", second.Out);
        Assert.True(frozen.ExitCode == 0, frozen.Error);
        Assert.Contains("(0 ran, 2 from cache)", frozen.Out);
    }

    [Fact]
    public async Task Compare_same_output_holds_the_translation_to_the_original()
    {
        site.Page("same.md", "Same", "::: compare same-output\n" + Fence("js run", "console.log(['a', 'b'].join(','))") + Fence("python run", "print(','.join(['a', 'b']))") + ":::\n");
        site.Page("differ.md", "Differ", "::: compare same-output\n" + Fence("js run", "console.log([1, 2])") + Fence("python run", "print([1, 2])") + ":::\n");

        var run = await site.RunCheckAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("differ.md(5,1): error SNIP011", run.Error);
        Assert.Contains("-[ 1, 2 ]", run.Error);
        Assert.Contains("+[1, 2]", run.Error);
        Assert.DoesNotContain("same.md(", run.Error);
    }

    [Fact]
    public async Task The_report_is_json_with_every_snippet()
    {
        site.Page("a.md", "A", Fence("python run", "print(1)") + Fence("js run isolated", "console.log(2)"));
        var report = Path.Combine(site.Root, "report.json");

        var run = await site.RunCliAsync("--report", report);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var snippets = json.RootElement.GetProperty("pages")[0].GetProperty("snippets").EnumerateArray().ToList();
        Assert.Equal(["python:page", "js:isolated@9"], snippets.Select(s => s.GetProperty("session").GetString()));
        Assert.All(snippets, s => Assert.Equal("ran", s.GetProperty("status").GetString()));
        Assert.All(snippets, s => Assert.Equal(2, s.GetProperty("outputLength").GetInt32()));
    }

    [Fact]
    public async Task A_missing_python_is_one_clear_error_and_a_page_without_python_still_builds()
    {
        site.Page("py.md", "Py", Fence("python run", "print(1)"));
        var missing = Path.Combine(site.Root, "no-such", "libpython3.11.so.1.0");

        var failed = await site.RunCliAsync("--python-library", missing);

        Assert.Equal(1, failed.ExitCode);
        var errors = failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("error")).ToList();
        Assert.Equal("site: error SNIP008: " , Assert.Single(errors)[..21]);
        Assert.Contains(missing, errors[0]);

        File.Delete(Path.Combine(site.Input, "py.md"));
        site.Page("js.md", "Js", Fence("js run", "console.log(1)"));
        var ok = await site.RunCliAsync("--python-library", missing);
        Assert.True(ok.ExitCode == 0, ok.Error);
    }
}

/// <summary>Node missing: SITE_NODE points nowhere (process-wide, so these run on their own).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class MissingNodeTests : IDisposable
{
    private readonly TestSite site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task A_missing_node_is_one_clear_error_and_a_page_without_js_still_builds()
    {
        using var node = new EnvironmentVariable("SITE_NODE", "/nonexistent/bin/node");
        site.Page("js.md", "Js", "```js run\nconsole.log(1)\n```\n\n```js run\nconsole.log(2)\n```\n");

        var failed = await site.RunCliAsync();

        Assert.Equal(1, failed.ExitCode);
        var error = Assert.Single(failed.Error.Split('\n'), l => l.Contains("error SNIP008"));
        Assert.Contains("JavaScript snippets cannot run", error);
        Assert.Contains("/nonexistent/bin/node", error);
        Assert.Contains("(2 snippets on 1 page not run)", error);

        File.Delete(Path.Combine(site.Input, "js.md"));
        site.Page("py.md", "Py", "```python run\nprint(1)\n```\n");
        var ok = await site.RunCliAsync();
        Assert.True(ok.ExitCode == 0, ok.Error);
    }
}
