using Site.Serving;
using Site.Tests.Support;

namespace Site.Tests.Serving;

/// <summary>The watcher's quiet wait: an editor's save is one rebuild, saves further apart are one each.</summary>
public sealed class InputWatcherTests
{
    private const string Input = "/site/input";
    private static readonly TimeSpan Quiet = ServeOptions.DefaultQuiet;
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private readonly ManualTime time = new();

    [Fact]
    public void An_editors_save_is_one_batch_once_the_input_has_been_quiet()
    {
        using var watcher = new InputWatcher([], Quiet, time);

        // What vim does on :w, a millisecond apart: probe file, move the page to a backup, write it anew, drop the backup.
        string[] events = ["4913", "4913", "page.md", "page.md~", "page.md", "page.md", "page.md~"];
        foreach (var file in events)
        {
            time.Advance(Millisecond);
            watcher.Changed(Input, $"{Input}/{file}");
        }

        // The backup's deletion is ignored: the quiet time counts from the page's last event, 1 ms before it.
        time.Advance(Quiet - 2 * Millisecond);
        Assert.False(watcher.Changes.TryRead(out _));
        time.Advance(Millisecond);
        Assert.True(watcher.Changes.TryRead(out var batch));
        Assert.Equal([$"{Input}/page.md"], batch.Paths);
        Assert.False(watcher.Changes.TryRead(out _));
    }

    [Fact]
    public void Saves_further_apart_than_the_quiet_time_are_a_batch_each()
    {
        using var watcher = new InputWatcher([], Quiet, time);

        watcher.Changed(Input, $"{Input}/a.md");
        time.Advance(Quiet);
        watcher.Changed(Input, $"{Input}/b.md");
        time.Advance(Quiet);

        Assert.True(watcher.Changes.TryRead(out var first));
        Assert.True(watcher.Changes.TryRead(out var second));
        Assert.Equal([$"{Input}/a.md"], first.Paths);
        Assert.Equal([$"{Input}/b.md"], second.Paths);
    }

    [Fact]
    public void Input_that_never_stops_changing_is_still_handed_over_after_ten_quiet_times()
    {
        using var watcher = new InputWatcher([], Quiet, time);

        var batches = 0;
        for (var i = 0; i < 25; i++)
        {
            watcher.Changed(Input, $"{Input}/log-{i}.md");
            time.Advance(Quiet / 2);
            while (watcher.Changes.TryRead(out _))
                batches++;
        }

        Assert.Equal(1, batches); // after 10 x Quiet, not after every event nor never
    }

    [Fact]
    public async Task A_save_on_disk_arrives_as_one_batch_of_the_page_alone()
    {
        using var folder = new TempFolder();
        var page = folder.Write("page.md", "---\ntitle: A page\n---\n");
        // A generous quiet time: this test is about the file system's events, not about timing.
        using var watcher = new InputWatcher([folder.Path], TimeSpan.FromMilliseconds(300));

        // An editor's safe save: a temporary file, the page moved to a backup, written anew, the backup dropped.
        File.WriteAllText(folder["4913"], "");
        File.Delete(folder["4913"]);
        File.Move(page, page + "~");
        File.WriteAllText(page, "---\ntitle: A page, saved\n---\n");
        File.Delete(page + "~");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var batch = await watcher.Changes.ReadAsync(timeout.Token);
        Assert.Equal([page], batch.Paths);
        await Task.Delay(600);
        Assert.False(watcher.Changes.TryRead(out _));
    }
}
