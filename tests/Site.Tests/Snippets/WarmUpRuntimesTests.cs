using System.Collections.Concurrent;
using System.Diagnostics;
using Site.Core;
using Site.Snippets;
using Site.Snippets.Caching;
using Site.Snippets.Engines;
using Site.Tests.Support;

namespace Site.Tests.Snippets;

/// <summary>The head start for Python and Node: when it is asked for, and that it never changes what the build reports.</summary>
public sealed class WarmUpRuntimesTests : IDisposable
{
    private const string PythonPage = "```python run\nprint 1\n```\n";

    private readonly TestSite site = new();
    private readonly RecordingRuntimes runtimes = new();

    public void Dispose() => site.Dispose();

    /// <summary>The fake runtimes, noting each head start asked for.</summary>
    private sealed class RecordingRuntimes : ISnippetRuntimes
    {
        private readonly FakeRuntimes fake = new();

        public ConcurrentQueue<(SnippetLanguage Language, bool Start)> WarmUps { get; } = [];

        public string Identify(SnippetLanguage language) => fake.Identify(language);

        public Task<ISnippetEngine> StartAsync(SnippetLanguage language, CancellationToken cancellationToken) =>
            fake.StartAsync(language, cancellationToken);

        public bool Throw { get; set; }

        public void WarmUp(SnippetLanguage language, bool start)
        {
            WarmUps.Enqueue((language, start));
            if (Throw)
                throw new InvalidOperationException("a bug in a head start");
        }
    }

    private void WarmUp(bool noCache = false, bool frozen = false, params string[] texts) =>
        WarmUpRuntimes.WarmUp(texts, site.Options() with { NoCache = noCache, Frozen = frozen }, runtimes);

    [Theory]
    [InlineData("```python run\n", true)]
    [InlineData("```py run session=a\n", true)]
    [InlineData("~~~ Python3 run\n", true)]
    [InlineData("> ````python run hide\n", true)]
    [InlineData("- ```python run\r\n", true)]
    [InlineData("```python\n", false)]
    [InlineData("```python runs\n", false)]
    [InlineData("```python Run\n", false)]
    [InlineData("```js run\n", false)]
    [InlineData("``python run``\n", false)]
    [InlineData("Just python run in a sentence.\n", false)]
    public void A_python_run_fence_is_recognised(string text, bool expected) =>
        Assert.Equal(expected, WarmUpRuntimes.PythonRunFence().IsMatch(text));

    [Fact]
    public void Without_a_cache_Python_is_loaded_ahead()
    {
        WarmUp(texts: ["No snippet here.", PythonPage]);

        Assert.Equal([(SnippetLanguage.Python, true)], runtimes.WarmUps);
    }

    [Fact]
    public void With_a_cache_Python_is_only_found_ahead_unless_the_cache_is_off()
    {
        Directory.CreateDirectory(site.Cache);
        File.WriteAllText(Path.Combine(site.Cache, SnippetCache.FileName), "{}");

        WarmUp(texts: PythonPage);
        WarmUp(noCache: true, texts: PythonPage);

        Assert.Equal([(SnippetLanguage.Python, false), (SnippetLanguage.Python, true)], runtimes.WarmUps);
    }

    [Fact]
    public void Frozen_never_loads_Python_ahead()
    {
        WarmUp(frozen: true, texts: PythonPage);

        Assert.Equal([(SnippetLanguage.Python, false)], runtimes.WarmUps);
    }

    [Fact]
    public void Pages_without_snippets_to_run_get_no_head_start()
    {
        WarmUp(texts: ["```js\nprint 1\n```\n", "```python\nprint(1)\n```\n"]);

        Assert.Empty(runtimes.WarmUps);
    }

    [Theory]
    [InlineData("```js run\n", true)]
    [InlineData("```JavaScript run session=a\n", true)]
    [InlineData("~~~ node run\n", true)]
    [InlineData("```js\n", false)]
    [InlineData("```jsx run\n", false)]
    [InlineData("```python run\n", false)]
    public void A_javascript_run_fence_is_recognised(string text, bool expected) =>
        Assert.Equal(expected, WarmUpRuntimes.JavaScriptRunFence().IsMatch(text));

    [Fact]
    public void Without_a_cache_Node_is_started_ahead_and_before_Python()
    {
        WarmUp(texts: [PythonPage, "```js run\nprint 1\n```\n"]);
        WarmUp(frozen: true, texts: "```js run\nprint 1\n```\n");

        Assert.Equal([(SnippetLanguage.JavaScript, true), (SnippetLanguage.Python, true), (SnippetLanguage.JavaScript, false)], runtimes.WarmUps);
    }

    [Fact]
    public async Task A_build_asks_for_the_head_start_in_the_background()
    {
        site.Page("index.md", "Home", PythonPage);

        var result = await site.BuildAsync(site.Options(), runtimes, BuildMode.Check);

        Assert.Equal(ExitCode.Success, result.ExitCode);
        var clock = Stopwatch.StartNew();
        while (runtimes.WarmUps.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(10);
        Assert.Equal(SnippetLanguage.Python, Assert.Single(runtimes.WarmUps).Language); // whether to start depends on when it looked for the cache
    }

    [Fact]
    public async Task A_head_start_that_throws_is_no_head_start_and_ends_nothing()
    {
        site.Page("index.md", "Home", PythonPage);
        runtimes.Throw = true;

        var result = await site.BuildAsync(site.Options(), runtimes, BuildMode.Check);
        var clock = Stopwatch.StartNew();
        while (runtimes.WarmUps.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(10);
        await Task.Delay(100); // had the exception escaped its thread, the test process would be gone by now

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Single(runtimes.WarmUps);
    }

    [Fact]
    public void A_missing_library_is_still_reported_where_it_always_was()
    {
        var missing = Path.Combine(site.Root, "nowhere", "libpython3.11.so.1.0");
        var real = new SnippetRuntimes(missing);

        real.WarmUp(SnippetLanguage.Python, start: true);
        var error = Assert.Throws<RuntimeUnavailableException>(() => real.Identify(SnippetLanguage.Python));

        Assert.Contains($"--python-library {missing} does not exist", error.Message);
    }
}
