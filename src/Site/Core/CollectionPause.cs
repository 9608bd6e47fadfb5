using System.Runtime;

namespace Site.Core;

/// <summary>
/// Holds off the garbage collector while every page's syntax tree is alive, from parsing to rendering. The trees are most
/// of what a build allocates and they all die together when rendering ends. A collection in between finds them all alive
/// and copies them into an older generation: in a 1,000-page build, that one collection paused both cores for ~120 ms.
/// Held off, the trees die uncollected, and the young collection made when the pause ends finds only what is still live.
/// </summary>
/// <remarks>
/// It is .NET's no-GC region, which is process-wide: one build at a time may hold it. If the build allocates more than
/// it asked for, the runtime collects as usual and the region ends by itself.
/// </remarks>
internal sealed class CollectionPause : IDisposable
{
    /// <summary>
    /// Room per character of Markdown. The window allocated up to ~18 bytes per character without snippets and ~28 with
    /// them (the bench corpora); the rest is headroom, since a region that runs out ends in a collection of every tree.
    /// </summary>
    internal const long BytesPerCharacter = 40;

    /// <summary>
    /// The most garbage a build may leave uncollected. A site that needs more collects during the window as it always did:
    /// a region it would outgrow only holds its garbage until then (5,000 pages peaked at 777 MB instead of 620).
    /// </summary>
    internal const long MaximumBytes = 320L << 20;

    private const long MinimumBytes = 32L << 20;

    private static int held;

    private bool ended;

    private CollectionPause()
    {
    }

    /// <summary>The room the window from parsing to rendering needs for pages of this many characters; null: more than it may have.</summary>
    public static long? RoomFor(long characters) =>
        characters * BytesPerCharacter is var room && room <= MaximumBytes ? Math.Max(room, MinimumBytes) : null;

    /// <summary>Holds collections off for the next <paramref name="bytes"/> allocated; null when another build holds them.</summary>
    public static CollectionPause? TryStart(long bytes)
    {
        if (Interlocked.CompareExchange(ref held, 1, 0) != 0)
            return null;
        try
        {
            // Collects once now, while little is alive, to make the room.
            if (GC.TryStartNoGCRegion(bytes))
                return new CollectionPause();
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More room than this runtime gives, or a region already opened elsewhere: build with collections as usual.
        }

        Volatile.Write(ref held, 0);
        return null;
    }

    /// <summary>Ends the pause, collecting the young generation: what the window allocated is garbage by now.</summary>
    public void Dispose()
    {
        if (ended)
            return;
        ended = true;
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region ended by itself (the build allocated more than the room it asked for).
        }

        Volatile.Write(ref held, 0);
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
    }
}
