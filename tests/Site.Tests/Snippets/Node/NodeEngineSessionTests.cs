using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

public sealed class NodeEngineSessionTests
{
    [Fact]
    public async Task Snippets_of_a_session_share_their_declarations_like_a_notebook()
    {
        await using var engine = await NodeEngine.StartAsync();

        await engine.PrintsAsync("const x = 41; let y = 1; var z = 'z'; function twice(n) { return 2 * n } class Point { }");

        Assert.Equal("42 1 z 4 Point\n", await engine.PrintsAsync("console.log(x + y, y, z, twice(2), new Point().constructor.name)"));
    }

    [Fact]
    public async Task Declarations_of_a_snippet_with_top_level_await_are_seen_by_the_next_one()
    {
        await using var engine = await NodeEngine.StartAsync();

        var first = await engine.PrintsAsync("""
            const x = await Promise.resolve(41);
            const { a, b: [c] } = await Promise.resolve({ a: 'a', b: ['c'] });
            function hoisted() { return 'hoisted' }
            class Later { }
            for (var i = 0; i < 2; i++) await null;
            console.log(hoisted(), x);
            """);
        var second = await engine.PrintsAsync("console.log(x + 1, a, c, hoisted(), typeof Later, i)");

        Assert.Equal("hoisted 41\n", first);
        Assert.Equal("42 a c hoisted function 2\n", second);
    }

    [Fact]
    public async Task Sessions_do_not_see_each_other()
    {
        await using var engine = await NodeEngine.StartAsync();

        await engine.PrintsAsync("const secret = 1; globalThis.leaked = 2; Array.prototype.extra = 3", session: "a");

        Assert.Equal("undefined undefined undefined\n",
            await engine.PrintsAsync("console.log(typeof secret, typeof leaked, typeof [].extra)", session: "b"));
        Assert.Equal("1 2 3\n", await engine.PrintsAsync("console.log(secret, leaked, [].extra)", session: "a"));
    }

    [Fact]
    public async Task Ending_a_session_forgets_its_state()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("const x = 1", session: "a");

        await engine.EndSessionAsync("a");

        Assert.Equal("undefined\n", await engine.PrintsAsync("console.log(typeof x)", session: "a"));
    }

    [Fact]
    public async Task Dynamic_import_works()
    {
        await using var engine = await NodeEngine.StartAsync();

        Assert.Equal("function\n", await engine.PrintsAsync("const { join } = await import('node:path'); console.log(typeof join)"));
    }

    [Fact]
    public async Task A_later_snippet_may_declare_a_name_again_like_a_browser_console()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("let a = 1; const b = 2; class C { }");

        var again = await engine.PrintsAsync("let a = 'one'; const b = 'two'; class C { static n = 3 }\nconsole.log(a, b, C.n)");

        Assert.Equal("one two 3\n", again);
        Assert.Equal("one two 3\n", await engine.PrintsAsync("console.log(a, b, C.n)"));
    }

    [Fact]
    public async Task Names_declared_inside_loops_blocks_and_functions_stay_there()
    {
        await using var engine = await NodeEngine.StartAsync();
        const string code = "for (let i = 0; i < 2; i++) {}\n{ const inBlock = 1 }\n[1].map(function named() { let inFunction = 1 })";
        await engine.PrintsAsync(code);

        Assert.Equal("undefined undefined undefined undefined\n",
            await engine.PrintsAsync("console.log(typeof i, typeof inBlock, typeof named, typeof inFunction)"));
        await engine.PrintsAsync(code);
    }

    [Fact]
    public async Task A_declaration_after_what_the_quick_scan_cannot_follow_is_still_shared()
    {
        await using var engine = await NodeEngine.StartAsync();
        // Each line's brackets balance only when the regex, template or comment is misread.
        await engine.PrintsAsync("/[(]/; let afterRegex = 1; /[)]/");
        await engine.PrintsAsync("`(${1}`; let afterTemplate = 2; `)`");
        await engine.PrintsAsync("[1 / 2]; let afterDivision = 3");
        await engine.PrintsAsync("/* ( */ let afterComment = 4 // )");

        Assert.Equal("1 2 3 4\n", await engine.PrintsAsync("console.log(afterRegex, afterTemplate, afterDivision, afterComment)"));
        await engine.PrintsAsync("let afterRegex = 5, afterTemplate = 6, afterDivision = 7, afterComment = 8");
        Assert.Equal("5 6 7 8\n", await engine.PrintsAsync("console.log(afterRegex, afterTemplate, afterDivision, afterComment)"));
    }

    [Fact]
    public async Task A_closure_and_later_snippets_share_one_live_binding()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("let count = 0;\nfunction inc() { count++; }");

        Assert.Equal("2\n", await engine.PrintsAsync("inc(); inc();\nconsole.log(count)"));
        Assert.Equal("11\n", await engine.PrintsAsync("count = 10; inc();\nconsole.log(count)"));
    }

    [Fact]
    public async Task A_batch_runs_its_snippets_in_order_each_with_its_own_output()
    {
        await using var engine = await NodeEngine.StartAsync();

        var results = await engine.RunAllAsync("page",
            ("let a = 1; console.log('first')", 10),
            ("setTimeout(() => console.log('timer', a++), 20)", 10),
            ("console.log('third', a); throw new RangeError('no')", 10),
            ("console.log('fourth', a)", 10));

        Assert.Equal(["first\n", "timer 1\n", "third 2\n", "fourth 2\n"], results.Select(r => r.Stdout()));
        Assert.Equal([null, null, "RangeError", null], results.Select(r => r.Error?.Name));
    }

    [Fact]
    public async Task One_worker_process_runs_every_snippet_of_every_session()
    {
        await using var engine = await NodeEngine.StartAsync();
        var first = await engine.PrintsAsync("console.log(process.pid)");

        var batch = await engine.RunAllAsync("b", ("console.log(process.pid)", 10), ("console.log(process.pid)", 10));
        await engine.EndSessionAsync("b");

        Assert.Equal([first, first], batch.Select(r => r.Stdout()));
        Assert.Equal(first, await engine.PrintsAsync("console.log(process.pid)", session: "c"));
        Assert.Equal(first, await engine.PrintsAsync("console.log(process.pid)"));
    }

    [Fact]
    public async Task A_caller_that_stops_reading_a_batch_early_leaves_no_answers_behind()
    {
        await using var engine = await NodeEngine.StartAsync();
        var requests = new[] { "console.log('one')", "setTimeout(() => console.log('two'), 50)" }
            .Select(code => new RunRequest("page", code, NodeRun.File, 10, TimeSpan.FromSeconds(10))).ToList();

        await foreach (var result in engine.RunAllAsync(requests, CancellationToken.None))
        {
            Assert.Equal("one\n", result.Stdout());
            break;
        }

        Assert.Equal("three\n", await engine.PrintsAsync("console.log('three')"));
    }
}
