using System.Buffers;

namespace Site.Snippets.Verifying;

/// <summary>The form outputs are compared in: '\n' line endings, no trailing whitespace on a line, no trailing blank lines.</summary>
internal static class OutputText
{
    // Made in pooled buffers: every snippet's output is normalised, and most differ from their normal form by a last
    // line break at most.
    public static string Normalize(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var normalized = Normalize(text, buffer);
            return normalized.SequenceEqual(text) ? text : normalized.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary><c>Normalize(a) == Normalize(b)</c>, without making either.</summary>
    public static bool NormalEquals(string a, string b)
    {
        var bufferA = ArrayPool<char>.Shared.Rent(a.Length);
        var bufferB = ArrayPool<char>.Shared.Rent(b.Length);
        try
        {
            return Normalize(a, bufferA).SequenceEqual(Normalize(b, bufferB));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(bufferA);
            ArrayPool<char>.Shared.Return(bufferB);
        }
    }

    public static string[] Lines(string normalized) => normalized.Length == 0 ? [] : normalized.Split('\n');

    /// <summary>Writes the normal form of <paramref name="text"/> into <paramref name="buffer"/> (it is never longer).</summary>
    private static ReadOnlySpan<char> Normalize(string text, char[] buffer)
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

        return buffer.AsSpan(0, length).TrimEnd('\n');
    }
}
