using System.Globalization;
using System.Text;

namespace Site.Core;

/// <summary>
/// A text buffer for each thread, emptied and reused from one page to the next. A page's HTML is tens of kilobytes; a new
/// buffer for each would grow in steps and leave its chunks, about twice the page, for the collector.
/// </summary>
internal sealed class PerThreadText(int capacity)
{
    private const int KeptCapacity = 1 << 20;

    private readonly ThreadLocal<StringWriter> writers = new(() => new StringWriter(new StringBuilder(capacity), CultureInfo.InvariantCulture));

    /// <summary>This thread's writer, empty.</summary>
    public StringWriter Take()
    {
        var writer = writers.Value!;
        if (writer.GetStringBuilder().Capacity > KeptCapacity)
            writers.Value = writer = new StringWriter(new StringBuilder(capacity), CultureInfo.InvariantCulture); // what one huge page grew it to is not kept
        writer.GetStringBuilder().Clear();
        return writer;
    }
}
