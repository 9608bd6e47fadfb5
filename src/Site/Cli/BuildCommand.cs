using System.CommandLine;
using Site.Core;

namespace Site.Cli;

/// <summary><c>site build</c>: builds input/ with a theme into output/.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "Folder of Markdown pages, data/ and site.yml", DefaultValueFactory = _ => "input", HelpName = "DIR" };
        var outputDir = new Option<string>("--output") { Description = "Folder to write the site to (replaced only when the build succeeds)", DefaultValueFactory = _ => "output", HelpName = "DIR" };
        var theme = new Option<string>("--theme") { Description = "Theme folder (layouts/, partials/, assets/)", DefaultValueFactory = _ => Path.Combine("themes", "default"), HelpName = "DIR" };
        var drafts = new Option<bool>("--drafts") { Description = "Include pages marked 'draft: true'" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (canonical links)", HelpName = "URL" };
        var timings = new Option<bool>("--timings") { Description = "Print the time each pipeline stage took" };
        baseUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                result.AddError($"--base-url must be an absolute http(s) URL, not '{value}'");
        });

        var command = new Command("build", "Build the site into the output folder") { input, outputDir, theme, drafts, baseUrl, timings };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BuildOptions
            {
                InputDirectory = Path.GetFullPath(parse.GetValue(input)!),
                OutputDirectory = Path.GetFullPath(parse.GetValue(outputDir)!),
                ThemeDirectory = Path.GetFullPath(parse.GetValue(theme)!),
                IncludeDrafts = parse.GetValue(drafts),
                BaseUrl = parse.GetValue(baseUrl),
                Timings = parse.GetValue(timings),
            };
            var result = await ConsoleReporter.RunWithProgressAsync(output, token => SiteBuilder.BuildAsync(options, ConsoleReporter.Progress(output), token), cancellationToken);
            ConsoleReporter.Report(result, options, output, error);
            return (int)result.ExitCode;
        });
        return command;
    }
}
