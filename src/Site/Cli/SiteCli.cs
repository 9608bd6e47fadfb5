using System.CommandLine;
using Site.Core;

namespace Site.Cli;

/// <summary>The command line: parses arguments, runs a command, maps the outcome to an exit code (0 ok, 1 build errors, 2 usage).</summary>
internal static class SiteCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Builds a documentation site from Markdown pages whose code snippets run at build time.")
        {
            BuildCommand.Create(output, error),
            CheckCommand.Create(output, error),
            BundleCommand.Create(output, error),
            ServeCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                await error.WriteLineAsync($"site: error: {parseError.Message}");
            await error.WriteLineAsync("Run 'site --help' for usage.");
            return (int)ExitCode.UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
