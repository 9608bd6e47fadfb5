using System.Collections.Concurrent;
using Site.Core;
using Site.Snippets;
using Site.Snippets.Caching;
using Site.Snippets.Engines;
using Site.Tests.Support;

namespace Site.Tests.Snippets;

/// <summary>The head start for Python: when it is asked for, and that it never changes what the build reports.</summary>
public sealed class WarmUpRuntimesTests : IDisposable
{
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

        public Task WarmUp(SnippetLanguage language, bool start)
        {
            WarmUps.Enqueue((language, start));
            return Task.CompletedTask;
        }
    }

    private Task<BuildResult> Build(bool noCache = false, bool frozen = false) =>
        site.BuildAsync(site.Options() with { NoCache = noCache, Frozen = frozen }, runtimes, BuildMode.Check);

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
    public async Task A_first_build_loads_Python_ahead()
    {
        site.Page("index.md", "Home", "```python run\nprint 1\n```\n");

        await Build();

        Assert.Equal([(SnippetLanguage.Python, true)], runtimes.WarmUps);
    }

    [Fact]
    public async Task With_a_cache_Python_is_only_found_ahead_unless_the_cache_is_off()
    {
        site.Page("index.md", "Home", "```python run\nprint 1\n```\n");

        await Build();
        Assert.True(File.Exists(Path.Combine(site.Cache, SnippetCache.FileName)));
        await Build();
        await Build(noCache: true);

        Assert.Equal([(SnippetLanguage.Python, true), (SnippetLanguage.Python, false), (SnippetLanguage.Python, true)], runtimes.WarmUps);
    }

    [Fact]
    public async Task Frozen_never_loads_Python_ahead()
    {
        site.Page("index.md", "Home", "```python run\nprint 1\n```\n");

        await Build(frozen: true);

        Assert.Equal([(SnippetLanguage.Python, false)], runtimes.WarmUps);
    }

    [Fact]
    public async Task A_site_without_Python_snippets_gets_no_head_start()
    {
        site.Page("index.md", "Home", "```js run\nprint 1\n```\n\n```python\nprint(1)\n```\n");

        await Build();

        Assert.Empty(runtimes.WarmUps);
    }

    [Fact]
    public async Task A_missing_library_is_still_reported_where_it_always_was()
    {
        var missing = Path.Combine(site.Root, "nowhere", "libpython3.11.so.1.0");
        var real = new SnippetRuntimes(missing);

        await real.WarmUp(SnippetLanguage.Python, start: true);
        var error = Assert.Throws<RuntimeUnavailableException>(() => real.Identify(SnippetLanguage.Python));

        Assert.Contains($"--python-library {missing} does not exist", error.Message);
    }
}
