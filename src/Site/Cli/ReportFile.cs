using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core;
using Site.Snippets;
using Site.Snippets.Running;

namespace Site.Cli;

/// <summary><c>--report FILE</c>: every page, its external links and snippets, as JSON, written whether the build passed or not.</summary>
internal static class ReportFile
{
    public static ExitCode WriteIfAsked(string? path, BuildResult result, BuildOptions options, TextWriter error)
    {
        if (path is null)
            return result.ExitCode;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(Create(result, options), ReportJson.Default.Report));
            return result.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"site: error: could not write the report '{path}': {e.Message}");
            return result.ExitCode == ExitCode.Success ? ExitCode.BuildFailed : result.ExitCode;
        }
    }

    internal static Report Create(BuildResult result, BuildOptions options)
    {
        var pages = result.Pages.Select(page => new PageReport(
            page.DisplayPath,
            page.OutputPath,
            page.Metadata.Title,
            [.. page.ExternalLinks.Select(link => new LinkReport(link.Url, link.Line, link.Column))],
            [.. page.Snippets.Select(snippet =>
            {
                var outcome = result.SnippetOutcomes.GetValueOrDefault(snippet);
                return new SnippetReport(
                    page.DisplayPath,
                    snippet.At.Line,
                    snippet.Language.Key(),
                    snippet.Session,
                    outcome is null ? "not-run" : SnippetOutcome.StatusName(outcome.Status),
                    Math.Round(outcome?.Result?.Duration.TotalMilliseconds ?? 0, 3),
                    outcome?.DisplayText.Length ?? 0,
                    outcome?.Cached ?? false,
                    outcome?.Runtime);
            })])).ToList();
        var snippets = pages.SelectMany(p => p.Snippets).ToList();
        var passed = snippets.Count(s => s.Status is "verified" or "ran" or "failed-as-expected");
        return new Report(
            result.ExitCode == ExitCode.Success,
            options.InputDirectory,
            Math.Round(result.Elapsed.TotalSeconds, 3),
            new SnippetTotals(snippets.Count, passed, snippets.Count - passed, snippets.Count(s => s.Cached)),
            [.. result.Diagnostics.Select(d => d.ToString().Split('\n')[0])],
            pages);
    }

    internal sealed record Report(bool Success, string Input, double Seconds, SnippetTotals Snippets, List<string> Diagnostics, List<PageReport> Pages);

    internal sealed record SnippetTotals(int Total, int Passed, int Failed, int Cached);

    internal sealed record PageReport(string File, string Url, string Title, List<LinkReport> ExternalLinks, List<SnippetReport> Snippets);

    internal sealed record LinkReport(string Url, int Line, int Column);

    internal sealed record SnippetReport(string File, int Line, string Language, string Session, string Status, double DurationMs,
        int OutputLength, bool Cached, string? Runtime);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReportFile.Report))]
internal sealed partial class ReportJson : JsonSerializerContext;
