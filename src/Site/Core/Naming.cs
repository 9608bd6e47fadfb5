using System.Text;

namespace Site.Core;

/// <summary>Turning file and folder names into titles and URL slugs.</summary>
internal static class Naming
{
    /// <summary>"python-versions" -> "Python versions".</summary>
    public static string Humanize(string name)
    {
        var words = name.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A URL slug: lowercase letters (any script, kept as they are: "café" stays "café"), digits and '-'
    /// ("Node.js &amp; npm" -> "node-js-npm").</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if ((c is ' ' or '-' or '_' or '.' or '/' or '&' or '+') && builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }

        return builder.ToString().Trim('-');
    }
}
