using System.Buffers;

namespace Site.Snippets.Verifying;

/// <summary>The form outputs are compared in: '\n' line endings, no trailing whitespace on a line, no trailing blank lines.</summary>
internal static class OutputText
{
    public static string Normalize(string text)
    {
        // Made in a pooled buffer, and a new string only when it differs: every snippet's output is normalised, and most
        // differ by a last line break at most.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length); // never longer than the text
        try
        {
            var length = 0;
            var rest = text.AsSpan();
            while (true)
            {
                var end = rest.IndexOfAny('\r', '\n');
                var line = (end < 0 ? rest : rest[..end]).TrimEnd();
                line.CopyTo(buffer.AsSpan(length));
                length += line.Length;
                if (end < 0)
                    break;
                buffer[length++] = '\n';
                rest = rest[(rest[end..].StartsWith("\r\n") ? end + 2 : end + 1)..];
            }

            var normalized = buffer.AsSpan(0, length).TrimEnd('\n');
            return normalized.SequenceEqual(text) ? text : normalized.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static string[] Lines(string normalized) => normalized.Length == 0 ? [] : normalized.Split('\n');
}
