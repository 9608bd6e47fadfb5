using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

public sealed class NodeEngineErrorTests
{
    [Fact]
    public async Task An_exception_names_the_markdown_file_and_line_without_the_workers_frames()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("console.log('before');\nconst o = null;\n\nfunction f() {\n  return o.x;\n}\nf();", line: 48);

        var error = result.Failed(RunErrorKind.Exception);
        Assert.Equal("before\n", result.Stdout());
        Assert.Equal("TypeError", error.Name);
        Assert.Equal("Cannot read properties of null (reading 'x')", error.Message);
        Assert.Equal(["TypeError", "Error"], error.TypeNames.ToArray());
        Assert.StartsWith("TypeError: Cannot read properties of null (reading 'x')\n", error.Trace);
        Assert.Contains("at f (input/guide/async.md:52:12)", error.Trace);
        Assert.Contains("at input/guide/async.md:54:1", error.Trace);
        Assert.DoesNotContain("snippet-", error.Trace);
        Assert.DoesNotContain("node:", error.Trace);
    }

    [Fact]
    public async Task Lines_stay_right_in_a_snippet_with_top_level_await()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("const v = await Promise.resolve(1);\n\nasync function g() {\n  await null;\n  throw new Error('deep');\n}\nawait g();", line: 20);

        var error = result.Failed(RunErrorKind.Exception);
        Assert.Equal("Error: deep\n    at g (input/guide/async.md:24:9)\n    at async input/guide/async.md:26:1", error.Trace);
    }

    [Fact]
    public async Task A_syntax_error_gives_the_file_line_and_message()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("const ok = 1;\nlet broken = ;", line: 30);

        var error = result.Failed(RunErrorKind.Exception);
        Assert.Equal("SyntaxError", error.Name);
        Assert.Equal("Unexpected token ';'", error.Message);
        Assert.StartsWith("input/guide/async.md:31\n", error.Trace);
        Assert.EndsWith("SyntaxError: Unexpected token ';'", error.Trace);
    }

    [Fact]
    public async Task A_return_outside_a_function_stays_a_syntax_error_and_use_strict_stays_in_force()
    {
        await using var engine = await NodeEngine.StartAsync();

        var returned = (await engine.RunAsync("let y = 1;\nreturn y", line: 30)).Failed(RunErrorKind.Exception);
        var strict = (await engine.RunAsync("'use strict';\nlet s = 1;\nundeclared = s", line: 30)).Failed(RunErrorKind.Exception);

        Assert.Equal(("SyntaxError", "Illegal return statement"), (returned.Name, returned.Message));
        Assert.Equal(("ReferenceError", "undeclared is not defined"), (strict.Name, strict.Message));
    }

    [Fact]
    public async Task A_syntax_error_in_a_snippet_with_await_is_found_where_it_is()
    {
        await using var engine = await NodeEngine.StartAsync();

        var error = (await engine.RunAsync("await null;\nconst = 1;", line: 30)).Failed(RunErrorKind.Exception);

        Assert.Equal("SyntaxError", error.Name);
        Assert.StartsWith("input/guide/async.md:31\n", error.Trace);
    }

    [Fact]
    public async Task Declaring_a_name_twice_in_one_snippet_is_a_syntax_error_at_the_second_declaration()
    {
        await using var engine = await NodeEngine.StartAsync();

        var error = (await engine.RunAsync("const x = 1;\nconsole.log(1);\nconst x = 2;", line: 40)).Failed(RunErrorKind.Exception);

        Assert.Equal("Identifier 'x' has already been declared", error.Message);
        Assert.StartsWith("input/guide/async.md:42\n", error.Trace);
    }

    [Fact]
    public async Task A_const_stays_constant_within_its_snippet()
    {
        await using var engine = await NodeEngine.StartAsync();

        var error = (await engine.RunAsync("const frozen = 1;\nfrozen = 2;", line: 10)).Failed(RunErrorKind.Exception);

        Assert.Equal("TypeError", error.Name);
        Assert.Equal("Assignment to constant variable.", error.Message);
    }

    [Fact]
    public async Task Type_names_follow_the_prototype_chain()
    {
        await using var engine = await NodeEngine.StartAsync();

        var range = (await engine.RunAsync("new Array(-1)")).Failed(RunErrorKind.Exception);
        var custom = (await engine.RunAsync("class NotFound extends Error {}\nclass Missing extends NotFound {}\nthrow new Missing('gone')")).Failed(RunErrorKind.Exception);

        Assert.Equal(["RangeError", "Error"], range.TypeNames.ToArray());
        Assert.Equal("Missing", custom.Name);
        Assert.Equal(["Missing", "NotFound", "Error"], custom.TypeNames.ToArray());
        Assert.StartsWith("Missing [Error]: gone\n", custom.Trace);
    }

    [Fact]
    public async Task Throwing_something_that_is_not_an_error_is_reported_as_node_reports_it()
    {
        await using var engine = await NodeEngine.StartAsync();

        var number = (await engine.RunAsync("throw 42")).Failed(RunErrorKind.Exception);
        var text = (await engine.RunAsync("throw 'oops'")).Failed(RunErrorKind.Exception);

        Assert.Equal(("Uncaught", "42", "Uncaught 42"), (number.Name, number.Message, number.Trace));
        Assert.Equal("'oops'", text.Message);
    }

    [Fact]
    public async Task An_unhandled_rejection_is_the_snippets_error()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("console.log('start');\nPromise.reject(new TypeError('nobody caught me'));");

        var error = result.Failed(RunErrorKind.Exception);
        Assert.Equal("start\n", result.Stdout());
        Assert.Equal(("TypeError", "nobody caught me"), (error.Name, error.Message));
        Assert.Contains("at input/guide/async.md:11:", error.Trace);
    }

    [Fact]
    public async Task An_error_thrown_in_a_timer_ends_the_snippet_with_that_error()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("setTimeout(() => console.log('never'), 200);\nsetTimeout(() => { throw new Error('in a timer') }, 5);");

        var error = result.Failed(RunErrorKind.Exception);
        Assert.Equal("in a timer", error.Message);
        Assert.Contains("(input/guide/async.md:11:", error.Trace);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Process_exit_is_the_snippets_error_and_the_worker_lives_on()
    {
        await using var engine = await NodeEngine.StartAsync();
        await engine.PrintsAsync("const before = 'kept'");

        var result = await engine.RunAsync("console.log('bye');\nprocess.exit(2);\nconsole.log('not reached');");
        var swallowed = await engine.RunAsync("try { process.exit() } catch { }\nconsole.log('not reached either')");

        var error = result.Failed(RunErrorKind.Exception);
        Assert.Equal(("ProcessExit", "process.exit(2) was called"), (error.Name, error.Message));
        Assert.Contains("at input/guide/async.md:11:", error.Trace);
        Assert.Equal("bye\n", result.Stdout());
        Assert.Equal("process.exit() was called", swallowed.Failed(RunErrorKind.Exception).Message);
        Assert.Equal("kept\n", await engine.PrintsAsync("console.log(before)"));
    }
}
