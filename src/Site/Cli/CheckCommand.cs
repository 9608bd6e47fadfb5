using System.CommandLine;
using Site.Core;

namespace Site.Cli;

/// <summary>
/// <c>site check</c>: runs and verifies every snippet and checks every link, writes no site, and ends with one line,
/// "N passed, N failed" (snippets). Exit code 1 on any failure: the command for CI and authors.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new BuildOptionsBinder();
        var command = new Command("check", "Run and verify every snippet and check links, without writing the site");
        foreach (var option in shared.Options)
            command.Options.Add(option);
        shared.AddValidators(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = shared.Bind(parse, output: "output", theme: BuildOptionsBinder.DefaultTheme);
            var result = await ConsoleReporter.RunWithProgressAsync(output,
                token => SiteBuilder.BuildAsync(options, ConsoleReporter.Progress(output), token, BuildMode.Check), cancellationToken);
            ConsoleReporter.ReportCheck(result, options, output, error);
            return (int)ReportFile.WriteIfAsked(shared.ReportPath(parse), result, options, error);
        });
        return command;
    }
}
