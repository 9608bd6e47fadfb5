namespace Site.Core;

/// <summary>Relative URLs between output files, so the site works from any folder, server or file://.</summary>
internal static class Urls
{
    /// <summary>The URL of <paramref name="to"/> as seen from the page at <paramref name="from"/> (both relative to the output root).</summary>
    /// <remarks>Called for every link of every page's navigation (hundreds of thousands per big build): no splitting.</remarks>
    public static string Relative(string from, string to)
    {
        // The folders both paths start with, whole segments only: the end of the last common "/".
        var common = 0;
        var limit = Math.Min(from.LastIndexOf('/') + 1, to.Length);
        for (var i = 0; i < limit && from[i] == to[i]; i++)
        {
            if (from[i] == '/')
                common = i + 1;
        }

        var ups = from.AsSpan(common).Count('/');
        return ups == 0 ? to[common..] : string.Concat(Ups(ups), to.AsSpan(common));
    }

    /// <summary>The path from the page at <paramref name="from"/> to the output root: "", "../", "../../".</summary>
    public static string ToRoot(string from) => Ups(from.AsSpan().Count('/'));

    private static readonly string[] UpsByDepth = [.. Enumerable.Range(0, 16).Select(n => string.Concat(Enumerable.Repeat("../", n)))];

    private static string Ups(int depth) => depth < UpsByDepth.Length ? UpsByDepth[depth] : string.Concat(Enumerable.Repeat("../", depth));

    /// <summary>Resolves "." and ".." in a '/'-separated relative path; null if it climbs above the root.</summary>
    public static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(url, "^[a-zA-Z][a-zA-Z0-9+.-]*:");
}
