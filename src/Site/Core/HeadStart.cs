namespace Site.Core;

/// <summary>
/// Work that only gives a later stage a head start (loading a library, a runtime, a grammar), run on a thread of its own
/// so that it holds up nothing, not even the thread pool the parallel stages use. It decides nothing: an exception there
/// (which on a thread of our own would end the process) only means no head start, and the stage that needs the work meets
/// any real problem again and reports it.
/// </summary>
internal static class HeadStart
{
    public static void Run(string name, Action work) => new Thread(() =>
    {
        try
        {
            work();
        }
        catch (Exception)
        {
            // No head start; see above.
        }
    }) { IsBackground = true, Name = name }.Start();
}
