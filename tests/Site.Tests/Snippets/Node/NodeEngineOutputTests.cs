using Site.Snippets;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Node;

namespace Site.Tests.Snippets.Node;

public sealed class NodeEngineOutputTests
{
    [Fact]
    public async Task Console_log_prints_what_node_prints_and_the_runtime_names_the_node_version()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("console.log('hello', { a: 1 }, [1, 2, 3], new Map([['k', 2]]), 'x'.length)");

        Assert.Null(result.Error);
        Assert.False(result.Truncated);
        Assert.Equal("hello { a: 1 } [ 1, 2, 3 ] Map(1) { 'k' => 2 } 1\n", result.Stdout());
        Assert.Matches(@"^Node v\d+\.\d+\.\d+$", engine.Runtime);
        Assert.Equal(SnippetLanguage.JavaScript, engine.Language);
    }

    [Fact]
    public async Task Console_error_and_warn_go_to_stderr_interleaved_with_stdout_in_order()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("console.log('one'); console.error('two'); console.warn('three'); console.info('four'); process.stdout.write('five\\n')");

        Assert.Equal(
            [new(OutputStream.Stdout, "one\n"), new(OutputStream.Stderr, "two\nthree\n"), new(OutputStream.Stdout, "four\nfive\n")],
            result.Output.ToArray());
    }

    [Fact]
    public async Task Unicode_survives_the_round_trip()
    {
        await using var engine = await NodeEngine.StartAsync();

        Assert.Equal("héllo ✓ 🐍 3\n", await engine.PrintsAsync("const s = 'héllo ✓ 🐍'; console.log(s, [...'✓🐍x'].length)"));
    }

    [Fact]
    public async Task Half_a_surrogate_pair_does_not_break_the_worker()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("console.log('\\ud83d' + 'x')");

        Assert.Null(result.Error);
        Assert.EndsWith("x\n", result.Stdout());
        Assert.Equal("ok\n", await engine.PrintsAsync("console.log('ok')"));
    }

    [Fact]
    public async Task Stdin_is_empty_and_reading_it_does_not_disturb_the_worker()
    {
        await using var engine = await NodeEngine.StartAsync();

        var output = await engine.PrintsAsync("""
            const lines = require('node:readline').createInterface({ input: process.stdin });
            let count = 0;
            for await (const line of lines) count++;
            console.log('lines:', count);
            """);

        Assert.Equal("lines: 0\n", output);
        Assert.Equal("still answering\n", await engine.PrintsAsync("console.log('still answering')"));
    }

    [Fact]
    public async Task Output_past_one_MiB_is_cut_and_flagged()
    {
        await using var engine = await NodeEngine.StartAsync();

        var result = await engine.RunAsync("for (let i = 0; i < 3; i++) console.log('x'.repeat(500000)); console.error('not kept')");

        Assert.Null(result.Error);
        Assert.True(result.Truncated);
        Assert.Equal(RunResult.OutputLimit, result.Output.Sum(c => c.Text.Length));
        Assert.All(result.Output, c => Assert.Equal(OutputStream.Stdout, c.Stream));
    }

    [Fact]
    public async Task A_snippet_completes_when_its_timers_and_microtasks_are_done_like_a_node_process()
    {
        await using var engine = await NodeEngine.StartAsync();

        var output = await engine.PrintsAsync("""
            setTimeout(() => console.log('timeout'));
            Promise.resolve().then(() => console.log('micro'));
            console.log('sync');
            """);

        Assert.Equal("sync\nmicro\ntimeout\n", output);
    }

    [Fact]
    public async Task Intervals_nested_timers_and_immediates_are_waited_for()
    {
        await using var engine = await NodeEngine.StartAsync();

        var output = await engine.PrintsAsync("""
            let n = 0;
            const t = setInterval(() => {
              if (++n === 3) { clearInterval(t); setTimeout(() => console.log('after', n), 20); }
            }, 5);
            setImmediate(() => console.log('immediate'));
            """);

        Assert.Equal("immediate\nafter 3\n", output);
    }

    [Fact]
    public async Task Node_callback_apis_are_waited_for_too()
    {
        using var temp = new Support.TempFolder();
        temp.Write("data.txt", "from a file");
        await using var engine = await NodeEngine.StartAsync(temp.Path);

        var output = await engine.PrintsAsync("""
            const fs = require('node:fs');
            fs.readFile('data.txt', 'utf8', (err, text) => console.log(err ?? text));
            require('node:timers/promises').setTimeout(30).then(() => console.log('later'));
            """);

        Assert.Equal("from a file\nlater\n", output);
    }

    [Fact]
    public async Task The_usual_node_globals_are_there()
    {
        await using var engine = await NodeEngine.StartAsync();

        var output = await engine.PrintsAsync("""
            const names = ['console', 'require', 'process', 'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder',
              'AbortController', 'AbortSignal', 'EventTarget', 'Event', 'atob', 'btoa', 'structuredClone', 'queueMicrotask',
              'performance', 'fetch', 'crypto', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
              'clearImmediate', 'global', 'globalThis'];
            console.log(names.filter(name => typeof globalThis[name] === 'undefined'));
            console.log(global === globalThis, require('node:path').posix.join('a', 'b'), typeof crypto.randomUUID(), btoa('hi'));
            console.log(process.version === process.versions.node.replace(/^/, 'v'), Buffer.from('hé').length);
            """);

        Assert.Equal("[]\ntrue a/b string aGk=\ntrue 3\n", output);
    }

    [Fact]
    public async Task Concurrent_calls_for_different_sessions_keep_their_output_apart()
    {
        await using var engine = await NodeEngine.StartAsync();

        var sessions = Enumerable.Range(0, 8).Select(i => $"page-{i}").ToArray();
        var runs = sessions.Select(session => Task.Run(async () =>
        {
            var outputs = new List<string>();
            await engine.PrintsAsync($"let count = 0; const me = '{session}'", session);
            for (var i = 0; i < 10; i++)
                outputs.Add(await engine.PrintsAsync("setTimeout(() => console.log(me, ++count))", session));
            return outputs;
        })).ToArray();
        var results = await Task.WhenAll(runs);

        for (var s = 0; s < sessions.Length; s++)
            Assert.Equal(Enumerable.Range(1, 10).Select(i => $"{sessions[s]} {i}\n"), results[s]);
    }
}
