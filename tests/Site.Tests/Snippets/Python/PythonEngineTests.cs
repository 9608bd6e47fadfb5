using System.Text.RegularExpressions;
using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Tests.Snippets.Python;

public sealed class PythonEngineTests
{
    [Fact]
    public async Task Runtime_names_the_real_Python_version()
    {
        await using var engine = PythonEngine.Create();

        Assert.Equal(SnippetLanguage.Python, engine.Language);
        Assert.Matches(@"^Python 3\.\d+\.\d+$", engine.Runtime);
        var result = (await engine.Run("import platform, sys; print(platform.python_version(), sys.prefix)")).Succeeded();
        Assert.Equal($"{engine.Runtime["Python ".Length..]} {engine.Installation.Home}\n", result.Text());
    }

    [Fact]
    public async Task The_interpreter_uses_the_chosen_installation_not_the_shell_PATH()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("import sys; print(sys.executable)")).Succeeded();

        Assert.Equal((engine.Installation.Executable ?? "") + "\n", result.Text());
        Assert.DoesNotContain("shims", result.Text());
    }

    [Fact]
    public async Task Printed_output_is_returned()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("print('hello')\nprint(1 + 2)")).Succeeded();

        Assert.Equal<OutputChunk>([new OutputChunk(OutputStream.Stdout, "hello\n3\n")], result.Output);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task Stdout_and_stderr_are_interleaved_in_the_order_written()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("import sys\nprint('a')\nprint('b', file=sys.stderr)\nsys.stderr.write('c\\n')\nprint('d')")).Succeeded();

        Assert.Equal<OutputChunk>(
            [new OutputChunk(OutputStream.Stdout, "a\n"), new OutputChunk(OutputStream.Stderr, "b\nc\n"), new OutputChunk(OutputStream.Stdout, "d\n")],
            result.Output);
    }

    [Fact]
    public async Task Bytes_written_to_stdout_buffer_and_output_of_threads_are_captured()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("""
            import sys, threading
            sys.stdout.buffer.write('bytes ✓\n'.encode())
            worker = threading.Thread(target=lambda: print('from a thread'))
            worker.start(); worker.join()
            """)).Succeeded();

        Assert.Equal("bytes ✓\nfrom a thread\n", result.Text());
    }

    [Fact]
    public async Task Unicode_output_survives_the_round_trip()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("print('héllo ✓ 🐍')\nprint(len('🐍'))")).Succeeded();

        Assert.Equal("héllo ✓ 🐍\n1\n", result.Text());
    }

    [Fact]
    public async Task Control_characters_pass_and_a_lone_surrogate_becomes_a_question_mark()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("print('a\\x00\\x1b[1m\\t\\r\\udcff\"\\\\', end='')")).Succeeded();

        Assert.Equal("a\0\u001b[1m\t\r?\"\\", result.Text());
    }

    [Fact]
    public async Task Snippets_of_a_session_share_state_and_other_sessions_do_not()
    {
        await using var engine = PythonEngine.Create();

        (await engine.Run("answer = 41\ndef more(x): return x + 1", session: "one")).Succeeded();
        var same = await engine.Run("print(more(answer))", session: "one");
        var other = await engine.Run("print(answer)", session: "two");

        Assert.Equal("42\n", same.Succeeded().Text());
        Assert.Equal("NameError", other.Error?.Name);
    }

    [Fact]
    public async Task An_ended_session_is_forgotten()
    {
        await using var engine = PythonEngine.Create();
        (await engine.Run("kept = 1", session: "s")).Succeeded();

        await engine.EndSessionAsync("s");
        var result = await engine.Run("print(kept)", session: "s");

        Assert.Equal(RunErrorKind.Exception, result.Error?.Kind);
        Assert.Equal("NameError", result.Error?.Name);
    }

    [Fact]
    public async Task Engines_do_not_share_sessions_and_a_disposed_engine_refuses_snippets()
    {
        var first = PythonEngine.Create();
        (await first.Run("secret = 1", session: "page")).Succeeded();
        await first.DisposeAsync();
        await using var second = PythonEngine.Create();

        var result = await second.Run("print(secret)", session: "page");

        Assert.Equal("NameError", result.Error?.Name);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.Run("print(1)"));
    }

    [Fact]
    public async Task A_session_runs_as_main()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("if __name__ == '__main__':\n    print('main')")).Succeeded();

        Assert.Equal("main\n", result.Text());
    }

    [Fact]
    public async Task Top_level_await_works()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run("import asyncio\nvalue = await asyncio.sleep(0.01, result=42)\nprint(value)")).Succeeded();

        Assert.Equal("42\n", result.Text());
    }

    [Fact]
    public async Task Input_reads_end_of_file_instead_of_waiting()
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run("input('name? ')");

        Assert.Equal("EOFError", result.Error?.Name);
        Assert.Equal("name? ", result.Text());
    }

    [Fact]
    public async Task Output_past_the_limit_is_truncated()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run($"print('x' * {RunResult.OutputLimit - 3})\nprint('tail that does not fit')\nprint('nor this')")).Succeeded();

        Assert.True(result.Truncated);
        Assert.Equal(RunResult.OutputLimit, result.Text().Length);
        Assert.EndsWith("\nta", result.Text());
    }

    [Fact]
    public async Task The_limit_counts_UTF16_and_never_splits_a_surrogate_pair()
    {
        await using var engine = PythonEngine.Create();

        var result = (await engine.Run($"print('🐍' * {RunResult.OutputLimit})")).Succeeded();

        Assert.True(result.Truncated);
        var text = result.Text();
        Assert.InRange(text.Length, RunResult.OutputLimit - 1, RunResult.OutputLimit);
        Assert.False(char.IsHighSurrogate(text[^1]));
    }

    [Fact]
    public async Task Output_written_before_an_exception_is_kept()
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run("print('before')\nraise ValueError('bad value')");

        Assert.Equal("before\n", result.Text());
        Assert.Equal(new RunErrorKind?(RunErrorKind.Exception), result.Error?.Kind);
        Assert.Equal("ValueError", result.Error!.Name);
        Assert.Equal("bad value", result.Error.Message);
    }

    [Fact]
    public async Task An_exception_trace_points_at_the_Markdown_file_and_lines()
    {
        await using var engine = PythonEngine.Create();
        (await engine.Run("def divide(a, b):\n    return a / b", firstLine: 40)).Succeeded();

        var result = await engine.Run("x = 1\ndivide(x, 0)", firstLine: 47);

        var trace = result.Error!.Trace;
        Assert.StartsWith("Traceback (most recent call last):\n", trace);
        Assert.Contains($"File \"{PythonSnippets.File}\", line 48, in <module>\n    divide(x, 0)\n", trace);
        Assert.Contains($"File \"{PythonSnippets.File}\", line 41, in divide\n    return a / b\n", trace);
        Assert.EndsWith("ZeroDivisionError: division by zero\n", trace);
        Assert.DoesNotContain("site-python-host", trace);
        Assert.DoesNotContain("snippet_host", trace);
    }

    [Fact]
    public async Task A_syntax_error_reports_the_Markdown_line()
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run("x = 1\ny = (1,\n", firstLine: 20);

        Assert.Equal("SyntaxError", result.Error?.Name);
        Assert.Contains($"File \"{PythonSnippets.File}\", line 21\n", result.Error!.Trace);
        Assert.Contains("y = (1,", result.Error.Trace);
        Assert.DoesNotContain("Traceback", result.Error.Trace);
    }

    [Fact]
    public async Task Type_names_list_the_exception_class_and_its_bases()
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run("class Missing(KeyError): pass\nraise Missing('k')");

        Assert.Equal("Missing", result.Error?.Name);
        Assert.Equal<string>(["Missing", "KeyError", "LookupError", "Exception", "BaseException"], result.Error!.TypeNames);
    }

    [Fact]
    public async Task Chained_exceptions_keep_both_traces()
    {
        await using var engine = PythonEngine.Create();

        var result = await engine.Run("try:\n    {}['k']\nexcept KeyError as e:\n    raise RuntimeError('wrapped') from e", firstLine: 5);

        Assert.Equal("RuntimeError", result.Error?.Name);
        Assert.Matches(new Regex("line 6.*KeyError: 'k'.*direct cause.*line 8.*RuntimeError: wrapped", RegexOptions.Singleline), result.Error!.Trace);
    }
}
