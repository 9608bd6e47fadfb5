using System.Runtime;
using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Core;

/// <summary>The collector's no-GC region is process-wide: these tests run on their own (see <see cref="EnvironmentCollection"/>).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CollectionPauseTests
{
    [Fact]
    public void Nothing_is_collected_while_held_and_the_young_generation_is_collected_when_it_ends()
    {
        var pause = CollectionPause.TryStart(64L << 20);
        Assert.NotNull(pause);
        var before = GC.CollectionCount(0);

        var garbage = Allocate(16L << 20);
        var held = GC.CollectionCount(0);
        var mode = GCSettings.LatencyMode;
        pause.Dispose();

        Assert.True(garbage > 0);
        Assert.Equal(before, held);
        Assert.Equal(GCLatencyMode.NoGCRegion, mode);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > held);
    }

    [Fact]
    public void One_build_at_a_time_holds_it()
    {
        var first = CollectionPause.TryStart(16L << 20);
        var second = CollectionPause.TryStart(16L << 20);
        first?.Dispose();
        first?.Dispose(); // twice: no harm, and it does not let go of another holder's pause
        var third = CollectionPause.TryStart(16L << 20);
        third?.Dispose();

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
    }

    [Fact]
    public void Allocating_more_than_the_room_ends_it_by_itself_and_ending_it_after_is_harmless()
    {
        var pause = CollectionPause.TryStart(16L << 20);
        Assert.NotNull(pause);

        Allocate(64L << 20);
        var mode = GCSettings.LatencyMode;
        pause.Dispose();

        Assert.NotEqual(GCLatencyMode.NoGCRegion, mode);
        var again = CollectionPause.TryStart(16L << 20);
        Assert.NotNull(again);
        again.Dispose();
    }

    [Theory]
    [InlineData(0, 32L << 20)] // a small site: the least room
    [InlineData(1_000_000, 40_000_000L)]
    [InlineData(8_000_000, 320_000_000L)]
    [InlineData(9_000_000, null)] // more than it may have: collected during the window, as before
    public void The_room_grows_with_the_pages_text_within_limits(long characters, long? room) =>
        Assert.Equal(room, CollectionPause.RoomFor(characters));

    [Fact]
    public async Task A_build_holds_collections_from_parsing_through_rendering()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home", "# Home\n\nText.\n");
        site.Page("guide/one.md", "One", "## A heading\n\n```python\nprint(1)\n```\n");
        var progress = new ObservingProgress<GCLatencyMode>(() => GCSettings.LatencyMode);

        Expect.Success(await SiteBuilder.BuildAsync(site.Options(), progress));

        Assert.Equal(GCLatencyMode.NoGCRegion, progress.At("markdown"));
        Assert.Equal(GCLatencyMode.NoGCRegion, progress.At("render"));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, progress.At("front matter"));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, progress.At("theme"));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    /// <summary>Snippets outlive rendering (the report lists them): one holding its block would keep its page's whole tree.</summary>
    [Fact]
    public void A_snippet_holds_nothing_of_its_pages_syntax_tree() =>
        Assert.DoesNotContain(typeof(Site.Snippets.Snippet).GetProperties(), property => property.PropertyType.Namespace!.StartsWith("Markdig", StringComparison.Ordinal));

    private static long Allocate(long bytes)
    {
        long total = 0;
        object? last = null;
        for (; total < bytes; total += 1024)
            last = new byte[1000];
        GC.KeepAlive(last);
        return total;
    }
}
