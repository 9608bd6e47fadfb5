using System.CommandLine;
using System.Globalization;
using Site.Bundling;
using Site.Core;

namespace Site.Cli;

/// <summary>
/// <c>site bundle</c>: builds the site for offline reading (no base URL, plus the single-page edition) into a temporary
/// folder and zips it to artifacts/python-for-js-devs-offline.zip. Unzipped anywhere, its index.html works from file://.
/// </summary>
internal static class BundleCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new BuildOptionsBinder();
        var theme = BuildOptionsBinder.ThemeOption();
        var zip = new Option<string>("--zip") { Description = "Where to write the bundle", DefaultValueFactory = _ => OfflineBundle.DefaultZip, HelpName = "FILE" };
        var command = new Command("bundle", "Build the site for offline reading and zip it, with a single-page edition of the whole guide") { theme, zip };
        foreach (var option in shared.Options)
            command.Options.Add(option);
        shared.AddValidators(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var staging = Path.Combine(Path.GetTempPath(), $"site-bundle-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var options = shared.Bind(parse, staging, parse.GetValue(theme)!) with { SinglePage = true, Offline = true };
            try
            {
                var result = await ConsoleReporter.RunWithProgressAsync(output, token => SiteBuilder.BuildAsync(options, ConsoleReporter.Progress(output), token), cancellationToken);
                ConsoleReporter.Report(result, options, output, error, describeTarget: false);
                var exit = ReportFile.WriteIfAsked(shared.ReportPath(parse), result, options, error);
                if (result.ExitCode != ExitCode.Success)
                {
                    output.WriteLine("No bundle written.");
                    return (int)result.ExitCode;
                }

                var zipPath = Path.GetFullPath(parse.GetValue(zip)!);
                var bytes = OfflineBundle.Write(staging, zipPath);
                var size = (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
                output.WriteLine($"Bundled {result.PageCount} pages -> {Path.GetRelativePath(Environment.CurrentDirectory, zipPath)} ({size} MB); " +
                    $"unzip it and open {Path.GetFileNameWithoutExtension(zipPath)}/index.html");
                return (int)exit;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"site: error: could not write the bundle: {e.Message}");
                return (int)ExitCode.BuildFailed;
            }
            finally
            {
                if (Directory.Exists(staging))
                    Directory.Delete(staging, recursive: true);
            }
        });
        return command;
    }
}
