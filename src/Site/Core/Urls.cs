namespace Site.Core;

/// <summary>Relative URLs between output files, so the site works from any folder, server or file://.</summary>
internal static class Urls
{
    /// <summary>The URL of <paramref name="to"/> as seen from the page at <paramref name="from"/> (both relative to the output root).</summary>
    public static string Relative(string from, string to)
    {
        var fromParts = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromParts.Length && common < toParts.Length - 1 && fromParts[common] == toParts[common])
            common++;
        var ups = string.Concat(Enumerable.Repeat("../", fromParts.Length - common));
        return ups + string.Join('/', toParts[common..]);
    }

    /// <summary>The path from the page at <paramref name="from"/> to the output root: "", "../", "../../".</summary>
    public static string ToRoot(string from) => string.Concat(Enumerable.Repeat("../", from.Count(c => c == '/')));

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
