using Site.Core;
using Site.Snippets.Engines;
using Site.Snippets.Running;

namespace Site.Snippets.Verifying;

/// <summary>
/// Judges a snippet's run against what its page says: the expected <c>```output</c>, <c>throws</c>, and reports each
/// failure at the snippet's own line with the diff or the trace under it.
/// </summary>
internal static class SnippetVerifier
{
    private const int QuoteLimit = 60;

    public static SnippetStatus Verify(Snippet snippet, RunResult result, Diagnostics diagnostics)
    {
        var options = snippet.Options;
        if (result.Error is { Kind: RunErrorKind.Timeout })
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SnippetTimedOut, snippet.At,
                $"{Who(snippet)} timed out after {Seconds(options.Timeout)} s") with { Detail = Indent(OutputSoFar(result)) });
            return SnippetStatus.TimedOut;
        }

        if (result.Error is { Kind: RunErrorKind.EngineFailure } failure)
        {
            diagnostics.Error(DiagnosticCodes.EngineFailure, snippet.At, $"{Who(snippet)} could not run: {failure.Message}");
            return SnippetStatus.Failed;
        }

        var error = result.Error;
        if (options.Throws && error is null)
        {
            diagnostics.Error(DiagnosticCodes.ThrowsMismatch, snippet.At,
                $"{Who(snippet)} completed, but the page expects it to {Raise(snippet)} {options.ThrowsName ?? "an error"}");
            return SnippetStatus.Failed;
        }

        if (options.Throws && options.ThrowsName is { } name && error is not null && !error.TypeNames.Contains(name) && error.Name != name)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThrowsMismatch, snippet.At,
                $"{Who(snippet)} {Raised(snippet)} {error.Name}, but the page expects {name}") with { Detail = Indent(error.Trace) });
            return SnippetStatus.Failed;
        }

        if (!options.Throws && error is not null)
        {
            var message = error.Message.Length > 0 ? $"{error.Name}: {FirstLine(error.Message)}" : error.Name;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SnippetRaised, snippet.At, $"{Who(snippet)} {Raised(snippet)} {message}")
                with { Detail = Indent(error.Trace) });
            return SnippetStatus.Failed;
        }

        var outcome = options.Throws ? SnippetStatus.FailedAsExpected : SnippetStatus.Ran;
        if (snippet.ExpectedOutput is not { } expected)
            return outcome;

        var actual = result.DisplayText;
        if (OutputMatcher.Matches(expected, actual, options.Match))
            return options.Throws ? outcome : SnippetStatus.Verified;

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputMismatch, snippet.At, $"{Who(snippet)} {Difference(expected, actual, options.Match)}")
            with { Detail = Indent(UnifiedDiff.Create(expected, actual, $"expected ({snippet.ExpectedAt})", "actual output")) });
        return SnippetStatus.Failed;
    }

    /// <summary>Says where two outputs part: "printed '6' but the page expects '5'".</summary>
    internal static string Difference(string expected, string actual, OutputMatch match)
    {
        var want = OutputText.Lines(OutputText.Normalize(expected));
        var got = OutputText.Lines(OutputText.Normalize(actual));
        if (got.Length == 0)
            return $"printed nothing but the page expects '{Quote(want[0])}'";
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            if (i >= got.Length)
                return $"printed {got.Length} line{(got.Length == 1 ? "" : "s")} but the page expects more: '{Quote(want[i])}'";
            if (i >= want.Length)
                return $"printed '{Quote(got[i])}' after the {want.Length} line{(want.Length == 1 ? "" : "s")} the page expects";
            if (want[i].Contains(OutputMatcher.Ellipsis, StringComparison.Ordinal) && match == OutputMatch.Ellipsis)
                break; // past an ellipsis, lines no longer pair up one to one
            if (!OutputMatcher.Matches(want[i], got[i], match))
                return $"printed '{Quote(got[i])}' but the page expects '{Quote(want[i])}'";
        }

        return "printed output that does not match the page's expected output";
    }

    /// <summary>"python snippet": made only for a failure, as snippets mostly pass.</summary>
    private static string Who(Snippet snippet) => $"{snippet.Language.Key()} snippet";

    private static string Raise(Snippet snippet) => snippet.Language == SnippetLanguage.Python ? "raise" : "throw";

    private static string Raised(Snippet snippet) => snippet.Language == SnippetLanguage.Python ? "raised" : "threw";

    private static string Quote(string line) => line.Length <= QuoteLimit ? line : line[..QuoteLimit] + "…";

    private static string FirstLine(string text) => Quote(text.Split('\n')[0].TrimEnd());

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string OutputSoFar(RunResult result) =>
        result.Output.IsEmpty ? "" : "output before it was stopped:\n" + string.Concat(result.Output.Select(c => c.Text));

    /// <summary>Detail lines are indented under the diagnostic, so editors keep them with it.</summary>
    internal static string? Indent(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join('\n', text.TrimEnd().Split('\n').Select(line => "    " + line));
}
