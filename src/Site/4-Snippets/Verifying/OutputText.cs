namespace Site.Snippets.Verifying;

/// <summary>The form outputs are compared in: '\n' line endings, no trailing whitespace on a line, no trailing blank lines.</summary>
internal static class OutputText
{
    public static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(line => line.TrimEnd())).TrimEnd('\n');
    }

    public static string[] Lines(string normalized) => normalized.Length == 0 ? [] : normalized.Split('\n');
}
