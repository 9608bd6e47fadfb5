using System.Diagnostics;
using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Core;

public sealed class StageThreadTests
{
    /// <summary>
    /// Node's reader thread runs what waits for its answers inline. Were the next stages to go on on top of the frames that
    /// finished the snippet run, those frames would keep every page's syntax tree alive to the end of the build. Each stage
    /// starts from the thread pool instead, so all of them start at the same depth of stack.
    /// </summary>
    [Fact]
    public async Task Every_stage_starts_on_a_fresh_stack_whichever_thread_finished_the_one_before()
    {
        using var site = new TestSite();
        site.Page("guide/one.md", "One", "```js run\nprint one\n```\n\n```output\none\n```\n");
        var runtimes = new FakeRuntimes { AnswerOnOwnThread = true };
        var progress = new ObservingProgress<int>(() => new StackTrace().FrameCount);

        var result = await SiteBuilder.BuildAsync(site.Options(), progress, runtimes: runtimes);

        Expect.Success(result);
        Assert.NotEmpty(runtimes.AnswerThreads);
        var depths = progress.Seen.ToList();
        Assert.Contains(depths, stage => stage.Stage == "links");
        Assert.Single(depths.Skip(1).Select(stage => stage.Seen).Distinct()); // the first starts from the caller's context
    }
}
