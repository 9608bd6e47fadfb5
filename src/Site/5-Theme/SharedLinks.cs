using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Site.Theme;

/// <summary>
/// Parts of the page models that only link to other pages (a closed sidebar section, a sidebar link, the tags), made once
/// for all the pages whose folders share a parent folder rather than once per page: a URL seen from "a/b/index.html" is
/// the one seen from "a/c/index.html" whenever it leads outside "a/b/" and "a/c/" (<see cref="Core.Urls.Relative"/> climbs
/// to the folders they share, and those are the parent's). Thread-safe; the parts are shared, so never changed.
/// </summary>
internal sealed class SharedLinks
{
    private readonly ConcurrentDictionary<(object Part, string Parent), object> parts = new(new PartComparer());

    /// <summary>
    /// <paramref name="make"/>'s model of <paramref name="part"/> for the page at <paramref name="from"/>, shared with its
    /// neighbours when none of <paramref name="targets"/> (output paths the model links to) is in the page's own folder.
    /// </summary>
    public T Get<T>(object part, string from, ReadOnlySpan<string> targets, Func<T> make)
        where T : class
    {
        var folder = from.LastIndexOf('/');
        if (folder < 0)
            return make(); // at the root: every target is in its folder
        var own = from.AsSpan(0, folder + 1);
        foreach (var target in targets)
        {
            if (target.AsSpan().StartsWith(own, StringComparison.Ordinal))
                return make();
        }

        var parent = folder == 0 ? "" : from[..(from.LastIndexOf('/', folder - 1) + 1)];
        return (T)parts.GetOrAdd((part, parent), static (_, make) => make(), make);
    }

    /// <summary>Parts by reference (a page record's own hash would hash its whole text), parents by content.</summary>
    private sealed class PartComparer : IEqualityComparer<(object Part, string Parent)>
    {
        public bool Equals((object Part, string Parent) x, (object Part, string Parent) y) =>
            ReferenceEquals(x.Part, y.Part) && string.Equals(x.Parent, y.Parent, StringComparison.Ordinal);

        public int GetHashCode((object Part, string Parent) key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Part), key.Parent.GetHashCode(StringComparison.Ordinal));
    }
}
