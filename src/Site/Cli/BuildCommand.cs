using System.CommandLine;
using Site.Core;

namespace Site.Cli;

/// <summary><c>site build</c>: builds input/ with a theme into output/, running every snippet.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new BuildOptionsBinder();
        var outputDir = new Option<string>("--output") { Description = "Folder to write the site to (replaced only when the build succeeds)", DefaultValueFactory = _ => "output", HelpName = "DIR" };
        var theme = BuildOptionsBinder.ThemeOption();
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (canonical links)", HelpName = "URL" };
        baseUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                result.AddError($"--base-url must be an absolute http(s) URL, not '{value}'");
        });

        var command = new Command("build", "Build the site into the output folder, running every snippet") { outputDir, theme, baseUrl };
        foreach (var option in shared.Options)
            command.Options.Add(option);
        shared.AddValidators(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = shared.Bind(parse, parse.GetValue(outputDir)!, parse.GetValue(theme)!, baseUrl: parse.GetValue(baseUrl)) with
            {
                SkipWhenUpToDate = shared.ReportPath(parse) is null,
            };
            var result = await ConsoleReporter.RunWithProgressAsync(output, token => SiteBuilder.BuildAsync(options, ConsoleReporter.Progress(output), token), cancellationToken);
            ConsoleReporter.Report(result, options, output, error);
            return (int)ReportFile.WriteIfAsked(shared.ReportPath(parse), result, options, error);
        });
        return command;
    }
}
