using Site.Core;
using Site.Snippets;
using Site.Snippets.Running;
using Site.Tests.Support;

namespace Site.Tests.Snippets.Running;

/// <summary>The run stage against fake engines: verification, diagnostics, sessions, the cache, --frozen, a missing runtime.</summary>
public sealed class RunSnippetsTests : IDisposable
{
    private readonly TestSite site = new();
    private readonly FakeRuntimes runtimes = new();

    public void Dispose() => site.Dispose();

    private Task<BuildResult> Build(bool noCache = false, bool frozen = false, BuildMode mode = BuildMode.Build) =>
        site.BuildAsync(site.Options() with { NoCache = noCache, Frozen = frozen }, runtimes, mode);

    private static string Fence(string info, string code) => $"```{info}\n{code}\n```\n";

    [Fact]
    public async Task A_matching_output_is_verified_and_embedded()
    {
        site.Page("index.md", "Home", Fence("python run", "print 5") + "\n" + Fence("output", "5"));

        var result = await Build();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var outcome = Assert.Single(result.SnippetOutcomes.Values);
        Assert.Equal(SnippetStatus.Verified, outcome.Status);
        var html = site.ReadOutput("index.html");
        Assert.Contains("data-status=\"verified\"", html);
        Assert.Contains("<span class=\"stdout\">5\n</span>", html);
        Assert.Contains("1 of 1 snippet on this page verified against their expected output · ran at build time on FakePython 1.0", html);
    }

    [Fact]
    public async Task A_wrong_output_fails_at_the_snippet_line_with_a_diff_and_leaves_output_alone()
    {
        site.Page("guide/async.md", "Async", "Text.\n\n" + Fence("python run", "print 6") + "\n" + Fence("output", "5"));

        var result = await Build();

        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SNIP002");
        Assert.Equal(7, error.Location!.Value.Line);
        Assert.Equal(1, error.Location!.Value.Column);
        Assert.Equal("python snippet printed '6' but the page expects '5'", error.Message);
        Assert.Contains("-5", error.Detail);
        Assert.Contains("+6", error.Detail);
        Assert.EndsWith("guide/async.md(7,1): error SNIP002: python snippet printed '6' but the page expects '5'", error.ToString().Split('\n')[0]);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Every_failing_snippet_is_reported_not_just_the_first()
    {
        site.Page("a.md", "A", Fence("python run", "print 1") + "\n" + Fence("output", "2") + "\n" + Fence("js run", "raise TypeError bad"));
        site.Page("b.md", "B", Fence("python run", "hang"));

        var result = await Build();

        Assert.Equal(["SNIP002", "SNIP003", "SNIP004"], result.Diagnostics.Select(d => d.Code).Order());
        Assert.Contains(result.Diagnostics, d => d.Message == "js snippet threw TypeError: bad");
        Assert.Contains(result.Diagnostics, d => d.Message == "python snippet timed out after 10 s");
    }

    [Fact]
    public async Task An_unexpected_error_shows_its_trace_under_the_diagnostic()
    {
        site.Page("index.md", "Home", Fence("python run", "print ok\nraise ValueError no good"));

        var result = await Build();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("SNIP003", error.Code);
        Assert.Equal("python snippet raised ValueError: no good", error.Message);
        Assert.Contains("line 7", error.Detail); // the fence is on line 5, so the code's second line is line 7
    }

    [Theory]
    [InlineData("python run throws=ValueError", "raise ValueError x", null, "failed-as-expected")]
    [InlineData("python run throws=Exception", "raise ValueError x", null, "failed-as-expected")] // a base type matches
    [InlineData("python run throws", "raise KeyError k", null, "failed-as-expected")]
    [InlineData("python run throws=TypeError", "raise KeyError k", "python snippet raised KeyError, but the page expects TypeError", "failed")]
    [InlineData("js run throws=TypeError", "print fine", "js snippet completed, but the page expects it to throw TypeError", "failed")]
    public async Task Throws_requires_the_named_error(string info, string code, string? message, string status)
    {
        site.Page("index.md", "Home", Fence(info, code));

        var result = await Build(mode: BuildMode.Check);

        Assert.Equal(status, SnippetOutcome.StatusName(Assert.Single(result.SnippetOutcomes.Values).Status));
        if (message is null)
            Assert.Empty(result.Diagnostics);
        else
            Assert.Equal(message, Assert.Single(result.Diagnostics, d => d.Code == "SNIP006").Message);
    }

    [Fact]
    public async Task An_expected_error_is_shown_as_the_output()
    {
        site.Page("index.md", "Home", Fence("python run throws=KeyError", "raise KeyError 'missing'"));

        var result = await Build();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var html = site.ReadOutput("index.html");
        Assert.Contains("data-status=\"failed-as-expected\"", html);
        Assert.Contains("raised KeyError, as expected", html);
        Assert.Contains("<span class=\"stderr\" title=\"stderr\">Traceback:", html);
        Assert.Contains("KeyError: 'missing'", html);
    }

    [Fact]
    public async Task Output_is_html_escaped_and_stderr_is_marked()
    {
        site.Page("index.md", "Home", Fence("python run", "print <script>alert(1)</script> & more\neprint warning: <b>"));

        await Build();

        var html = site.ReadOutput("index.html");
        Assert.Contains("<span class=\"stdout\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more\n</span>", html);
        Assert.Contains("<span class=\"stderr\" title=\"stderr\">warning: &lt;b&gt;\n</span>", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task Hide_and_hide_output_leave_out_the_code_or_the_output()
    {
        site.Page("index.md", "Home", Fence("python run hide", "set x secret-setup") + "\n" + Fence("python run hide-output", "print hidden-output\nshow x"));

        var result = await Build();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var html = site.ReadOutput("index.html");
        Assert.DoesNotContain("secret-setup", html);
        Assert.DoesNotContain("hidden-output\n</span>", html);
        Assert.Contains("show x", html);
    }

    [Fact]
    public async Task Sessions_share_state_in_page_order_and_isolated_snippets_do_not()
    {
        site.Page("index.md", "Home",
            Fence("python run", "set x 1") + "\n" + Fence("python run", "show x") + "\n" + Fence("output", "1") + "\n"
            + Fence("python run isolated", "show x") + "\n" + Fence("output", "undefined") + "\n"
            + Fence("python run session=other", "show x") + "\n" + Fence("output", "undefined") + "\n"
            + Fence("js run", "show x") + "\n" + Fence("output", "undefined"));
        site.Page("second.md", "Second", Fence("python run", "show x") + "\n" + Fence("output", "undefined"));

        var result = await Build();

        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.SnippetOutcomes.Count);
        Assert.Equal(5, result.SnippetOutcomes.Values.Count(o => o.Status == SnippetStatus.Verified));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Sessions_run_as_many_at_once_as_the_engine_takes(int parallel)
    {
        runtimes.ParallelSessions = parallel;
        for (var i = 0; i < 6; i++)
            site.Page($"page{i}.md", $"Page {i}", Fence("js run", $"set n {i}\nsleep 50") + "\n" + Fence("js run", "show n") + "\n" + Fence("output", $"{i}"));

        var result = await Build();

        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.SnippetOutcomes.Values.Count(o => o.Status == SnippetStatus.Verified));
        Assert.Equal(parallel, runtimes.MostSessionsAtOnce);
    }

    [Fact]
    public async Task Compare_same_output_fails_when_the_translation_prints_something_else()
    {
        site.Page("index.md", "Home", "::: compare same-output\n" + Fence("js run", "print [1, 2]") + Fence("python run", "print [1,2]") + ":::\n");

        var result = await Build();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("SNIP011", error.Code);
        Assert.Equal(5, error.Location!.Value.Line);
        Assert.Contains("-[1, 2]", error.Detail);
        Assert.Contains("+[1,2]", error.Detail);
    }

    [Fact]
    public async Task Compare_same_output_passes_when_both_print_the_same()
    {
        site.Page("index.md", "Home", "::: compare same-output\n" + Fence("js run", "print 3") + Fence("python run", "print 3") + ":::\n");

        var result = await Build();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal(2, result.SnippetOutcomes.Count);
    }

    [Fact]
    public async Task An_unchanged_site_rebuilds_without_running_anything()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1") + "\n" + Fence("js run", "print 2"));
        await Build();
        Assert.Equal(2, runtimes.Runs.Count);
        runtimes.Runs.Clear();

        var result = await Build();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Empty(runtimes.Runs);
        Assert.All(result.SnippetOutcomes.Values, o => Assert.True(o.Cached));
        Assert.Contains("<span class=\"stdout\">1\n</span>", site.ReadOutput("index.html"));
    }

    [Fact]
    public async Task Editing_a_snippet_reruns_its_session_only()
    {
        site.Page("a.md", "A", Fence("python run", "set x 1") + "\n" + Fence("python run", "show x"));
        site.Page("b.md", "B", Fence("python run", "print b"));
        await Build();
        runtimes.Runs.Clear();

        site.Page("a.md", "A", Fence("python run", "set x 2") + "\n" + Fence("python run", "show x"));
        var result = await Build();

        // The second snippet's code did not change, but its session's history did: it runs again and sees x = 2.
        Assert.Equal(2, runtimes.Runs.Count);
        Assert.All(runtimes.Runs, run => Assert.Contains("a.md", run.SessionId));
        Assert.Contains(result.SnippetOutcomes.Values, o => o.DisplayText == "2\n" && !o.Cached);
    }

    [Fact]
    public async Task A_new_runtime_version_invalidates_the_cache()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1"));
        await Build();
        runtimes.Runs.Clear();
        runtimes.Version = "2.0";

        await Build();

        Assert.Single(runtimes.Runs);
    }

    [Fact]
    public async Task No_cache_runs_everything_again()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1"));
        await Build();
        runtimes.Runs.Clear();

        await Build(noCache: true);

        Assert.Single(runtimes.Runs);
    }

    [Fact]
    public async Task Frozen_never_runs_code_and_fails_on_a_missing_result()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1"));

        var result = await Build(frozen: true);

        Assert.Empty(runtimes.Runs);
        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("SNIP009", error.Code);
        Assert.Equal(5, error.Location!.Value.Line);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Frozen_builds_from_cached_results()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1") + "\n" + Fence("output", "1"));
        await Build();
        runtimes.Runs.Clear();

        var result = await Build(frozen: true);

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Empty(runtimes.Runs);
        Assert.Equal(SnippetStatus.Verified, Assert.Single(result.SnippetOutcomes.Values).Status);
    }

    [Fact]
    public async Task An_expected_output_change_is_verified_again_without_running()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1") + "\n" + Fence("output", "1"));
        await Build();
        runtimes.Runs.Clear();
        site.Page("index.md", "Home", Fence("python run", "print 1") + "\n" + Fence("output", "2"));

        var result = await Build();

        Assert.Empty(runtimes.Runs);
        Assert.Equal("SNIP002", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task A_corrupt_cache_file_is_a_warning_and_everything_runs()
    {
        site.Page("index.md", "Home", Fence("python run", "print 1"));
        Directory.CreateDirectory(site.Cache);
        File.WriteAllText(Path.Combine(site.Cache, "snippets.json"), "{ not json");

        var result = await Build();

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal("SNIP012", Assert.Single(result.Diagnostics).Code);
        Assert.Single(runtimes.Runs);
    }

    [Fact]
    public async Task A_missing_runtime_is_one_clear_error_and_pages_without_its_snippets_still_build()
    {
        runtimes.Missing.Add(SnippetLanguage.JavaScript);
        site.Page("a.md", "A", Fence("js run", "print 1") + "\n" + Fence("js run", "print 2"));
        site.Page("b.md", "B", Fence("js run", "print 3"));

        var result = await Build();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("SNIP008", error.Code);
        Assert.Equal("JavaScript snippets cannot run: fake JavaScript is not installed (tried /nowhere) (3 snippets on 2 pages not run)", error.Message);

        using var pythonOnly = new TestSite();
        pythonOnly.Page("index.md", "Home", Fence("python run", "print 1"));
        var ok = await pythonOnly.BuildAsync(pythonOnly.Options(), runtimes);
        Assert.Equal(ExitCode.Success, ok.ExitCode);
    }
}
