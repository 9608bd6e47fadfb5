using Site.Core;

namespace Site.Tests.Support;

/// <summary>Assertions about diagnostics in the compiler format <c>path(line,col): error CODE: message</c>.</summary>
internal static class Expect
{
    /// <summary>
    /// Exactly one diagnostic with <paramref name="code"/>, printed as <c>…/FILE(LINE,COL): error CODE: message</c>, where the
    /// path ends with <paramref name="fileSuffix"/> (e.g. "input/page.md") and the message contains <paramref name="messagePart"/>.
    /// Returns the printed line.
    /// </summary>
    public static string Located(IReadOnlyList<Diagnostic> diagnostics, string code, string fileSuffix, int line, int column,
        string messagePart, string severity = "error")
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{Dump(diagnostics)}");
        var text = matching[0].ToString();
        var head = $": {severity} {code}: ";
        var split = text.IndexOf(head, StringComparison.Ordinal);
        Assert.True(split > 0, $"'{text}' is not in the format 'path(line,col): {severity} {code}: message'");
        Assert.EndsWith($"{fileSuffix}({line},{column})", text[..split]);
        Assert.Contains(messagePart, text[(split + head.Length)..]);
        return text;
    }

    public static string Located(BuildResult result, string code, string fileSuffix, int line, int column, string messagePart)
    {
        Assert.Equal(ExitCode.BuildFailed, result.ExitCode);
        return Located(result.Diagnostics, code, fileSuffix, line, column, messagePart);
    }

    /// <summary>The build succeeded without any error (warnings are allowed and listed on failure).</summary>
    public static void Success(BuildResult result)
    {
        Assert.True(result.ExitCode == ExitCode.Success, $"build failed:\n{Dump(result.Diagnostics)}");
        Assert.Equal(0, result.Errors);
    }

    public static string Dump(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
