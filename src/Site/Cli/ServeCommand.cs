using System.CommandLine;
using System.Net;
using Site.Core;
using Site.Serving;

namespace Site.Cli;

/// <summary>
/// <c>site serve</c>: builds the site into memory and serves it on http://127.0.0.1:5080/, rebuilding and reloading open
/// pages on every change to the input or the theme, until Ctrl+C. Exit code 2 when it cannot start (a port in use).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new BuildOptionsBinder();
        var theme = BuildOptionsBinder.ThemeOption();
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port)", DefaultValueFactory = _ => ServeOptions.DefaultPort, HelpName = "PORT" };
        var host = new Option<string>("--host") { Description = "Address to listen on (the default keeps the preview off the network)", DefaultValueFactory = _ => "127.0.0.1", HelpName = "ADDRESS" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
                result.AddError("--port must be between 0 and 65535");
        });
        host.Validators.Add(result =>
        {
            if (ParseHost(result.GetValueOrDefault<string>()) is null)
                result.AddError($"--host must be an IP address or 'localhost', not '{result.GetValueOrDefault<string>()}'");
        });

        var command = new Command("serve", "Serve the site on a local web server, rebuilding and reloading pages as files change") { theme, port, host };
        foreach (var option in shared.ServeOptions)
            command.Options.Add(option);
        shared.AddValidators(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServeOptions
            {
                Build = shared.Bind(parse, output: "output", theme: parse.GetValue(theme)!),
                Port = parse.GetValue(port),
                Host = ParseHost(parse.GetValue(host))!,
            };
            var reporter = new ServeReporter(options.Build, output, error);
            PreviewServer server;
            try
            {
                server = await PreviewServer.StartAsync(options, reporter);
            }
            catch (PreviewServerException e)
            {
                await error.WriteLineAsync(e.Message);
                return (int)ExitCode.UsageError;
            }

            await using (server)
            {
                try
                {
                    await server.Completion.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C or SIGTERM: stop cleanly.
                }
            }

            await output.WriteLineAsync("Stopped.");
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static IPAddress? ParseHost(string? text) =>
        text == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(text, out var address) ? address : null;
}
