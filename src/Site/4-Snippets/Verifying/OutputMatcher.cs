using System.Text;
using System.Text.RegularExpressions;

namespace Site.Snippets.Verifying;

/// <summary>
/// Decides whether a snippet's real output matches the output its page states. Both are normalised first
/// (<see cref="OutputText"/>). With <see cref="OutputMatch.Ellipsis"/> (the default, like doctest's ELLIPSIS),
/// "..." inside a line matches any text on that line, and a line that is only "..." matches any number of lines,
/// none included. <see cref="OutputMatch.Regex"/> makes each expected line a regular expression for its whole line.
/// </summary>
internal static class OutputMatcher
{
    public const string Ellipsis = "...";

    private static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(2);

    public static bool Matches(string expected, string actual, OutputMatch mode)
    {
        // Normalising adds no "..." and takes none away.
        if (mode == OutputMatch.Exact || (mode == OutputMatch.Ellipsis && !expected.Contains(Ellipsis, StringComparison.Ordinal)))
            return OutputText.NormalEquals(expected, actual);
        expected = OutputText.Normalize(expected);
        actual = OutputText.Normalize(actual);
        return mode == OutputMatch.Regex ? RegexLinesMatch(expected, actual) : EllipsisRegex(expected).IsMatch(actual);
    }

    /// <summary>The first expected line that is not a valid regular expression, with the reason; null when all are.</summary>
    public static string? InvalidRegexLine(string expected)
    {
        foreach (var line in OutputText.Lines(OutputText.Normalize(expected)))
        {
            try
            {
                _ = new Regex(line, RegexOptions.None, RegexBudget);
            }
            catch (ArgumentException e)
            {
                return $"'{line}' is not a valid regular expression: {e.Message}";
            }
        }

        return null;
    }

    private static bool RegexLinesMatch(string expected, string actual)
    {
        var patterns = OutputText.Lines(expected);
        var lines = OutputText.Lines(actual);
        if (patterns.Length != lines.Length)
            return false;
        try
        {
            return patterns.Zip(lines).All(pair => Regex.IsMatch(pair.Second, $"^(?:{pair.First})$", RegexOptions.None, RegexBudget));
        }
        catch (ArgumentException)
        {
            return false; // reported by InvalidRegexLine
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex EllipsisRegex(string expected)
    {
        var lines = OutputText.Lines(expected);
        var pattern = new StringBuilder("^");
        for (var i = 0; i < lines.Length; i++)
        {
            var isEllipsisLine = lines[i].Trim() == Ellipsis;
            if (isEllipsisLine && i == lines.Length - 1)
            {
                // A last "..." line: anything after the lines above, or nothing at all.
                pattern.Append(i == 0 ? @"[\s\S]*" : @"(?:\n[\s\S]*)?");
                break;
            }

            if (i > 0 && !(lines[i - 1].Trim() == Ellipsis))
                pattern.Append(@"\n");
            if (isEllipsisLine)
                pattern.Append(@"(?:[^\n]*\n)*?"); // any number of whole lines, each with its line break
            else
                pattern.Append(string.Join(@"[^\n]*", lines[i].Split(Ellipsis).Select(Regex.Escape)));
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.None, RegexBudget);
    }
}
