using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Site.Cli;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary><c>site serve</c> through the command line: options, start-up errors, and stopping on Ctrl+C (cancellation).</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TestSite site = new();

    public ServeCommandTests() => site.Page("index.md", "Home", "Hello.\n");

    public void Dispose() => site.Dispose();

    private string[] Args(params string[] extra) =>
        ["serve", "--input", site.Input, "--theme", site.Theme, "--cache-dir", site.Cache, .. extra];

    [Fact]
    public async Task Serve_help_lists_its_options()
    {
        var run = await CliRun.RunAsync("serve", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--port", "--host", "--input", "--theme", "--drafts", "--no-cache", "--frozen", "--python-library" })
            Assert.Contains(option, run.Out);
        Assert.DoesNotContain("--report", run.Out);
        Assert.DoesNotContain("--output", run.Out);
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be between 0 and 65535")]
    [InlineData("--host", "example.org", "--host must be an IP address or 'localhost', not 'example.org'")]
    public async Task A_bad_port_or_host_exits_2(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(Args(option, value));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"site: error: {message}", run.Error);
    }

    [Fact]
    public async Task A_port_in_use_exits_2_with_one_line()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var run = await CliRun.RunAsync(Args("--port", port.ToString()));

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"site: error: cannot listen on http://127.0.0.1:{port}: the port is in use (another server? choose one with --port)\n", run.Error);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task A_missing_input_folder_exits_2_with_SITE050()
    {
        var missing = Path.Combine(site.Root, "nope");

        var run = await CliRun.RunAsync(["serve", "--input", missing, "--theme", site.Theme, "--port", "0"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"site: error SITE050: input folder '{missing}' does not exist", run.Error);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_server_cleanly_with_exit_code_0()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = SiteCli.RunAsync(Args("--port", "0"), TextWriter.Synchronized(output), TextWriter.Synchronized(error), stop.Token);

        string Printed() { lock (output) return output.ToString(); }
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!Printed().Contains("Built 1 pages in ") && DateTime.UtcNow < deadline && !serving.IsCompleted)
            await Task.Delay(50);
        var url = Regex.Match(Printed(), @"Serving .*/ at (http://127\.0\.0\.1:(\d+)/) \(Ctrl\+C to stop\)");
        Assert.True(url.Success, Printed() + error);
        using (var client = new HttpClient())
            Assert.Contains("Hello.", await client.GetStringAsync(url.Groups[1].Value));

        await stop.CancelAsync();
        var exitCode = await serving.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.EndsWith("Stopped.\n", Printed());
        var port = int.Parse(url.Groups[2].Value);
        var listener = new TcpListener(IPAddress.Loopback, port); // the port is free again
        listener.Start();
        listener.Stop();
    }
}
