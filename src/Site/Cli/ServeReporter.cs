using System.Globalization;
using Site.Core;
using Site.Serving;

namespace Site.Cli;

/// <summary>What <c>serve</c> prints: where it listens, then one line per build (diagnostics on standard error, as <c>build</c> prints them).</summary>
internal sealed class ServeReporter(BuildOptions options, TextWriter output, TextWriter error) : IServeReporter
{
    private readonly Lock gate = new();

    public void Listening(Uri url)
    {
        var input = Path.GetRelativePath(Environment.CurrentDirectory, options.InputDirectory);
        if (input.StartsWith("..", StringComparison.Ordinal))
            input = options.InputDirectory;
        lock (gate)
            output.WriteLine($"Serving {input.TrimEnd('/')}/ at {url} (Ctrl+C to stop)");
    }

    public void Built(RebuildReport report)
    {
        lock (gate)
        {
            foreach (var diagnostic in report.Result?.Diagnostics ?? [])
                error.WriteLine(diagnostic.ToString());
            if (report.Exception is { } exception)
                error.WriteLine($"site: error: the build stopped with an exception: {exception}");
            if (options.Timings && report.Result is { } result)
            {
                output.WriteLine("  " + string.Join(", ", result.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Elapsed.TotalMilliseconds:0.0}"))) + " (ms)");
                if (report.Reuse.Length > 0)
                    output.WriteLine($"  reused: {report.Reuse}");
            }

            output.WriteLine(Line(report, options.Timings));
        }
    }

    private static string Line(RebuildReport report, bool timings)
    {
        var elapsed = report.Elapsed.TotalMilliseconds;
        var time = elapsed < 1000 ? string.Create(CultureInfo.InvariantCulture, $"{elapsed:0} ms") : string.Create(CultureInfo.InvariantCulture, $"{elapsed / 1000:0.00} s");
        var errors = Plural(report.Errors, "error");
        var sinceChange = timings && report.SinceChange is { } since ? string.Create(CultureInfo.InvariantCulture, $" ({since.TotalMilliseconds:0} ms after the change)") : "";
        if (report.First)
            return report.Succeeded ? $"Built {report.Result!.PageCount} pages in {time}" : $"Build failed: {errors} (shown on every page until fixed)";
        if (!report.Succeeded)
            return $"Rebuild failed: {errors}";
        var changed = report.ChangedFiles == 0 ? "nothing changed" : $"{Plural(report.ChangedFiles ?? 0, "file")} changed";
        return $"Rebuilt in {time}{sinceChange}: {(report.Fixed ? "fixed, " : "")}{changed}";
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
