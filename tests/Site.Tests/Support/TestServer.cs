using System.Collections.Concurrent;
using Site.Serving;

namespace Site.Tests.Support;

/// <summary>A preview server on a free port over a <see cref="TestSite"/>, with an HttpClient pointed at it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private TestServer(PreviewServer server, Reporter reporter)
    {
        Server = server;
        Reports = reporter.Reports;
        Client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public PreviewServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>One report per build, in order.</summary>
    public ConcurrentQueue<RebuildReport> Reports { get; }

    /// <summary>Starts serving <paramref name="site"/> (snippets on the fake runtimes) and waits for the first build.</summary>
    public static async Task<TestServer> StartAsync(TestSite site)
    {
        var reporter = new Reporter();
        var options = new ServeOptions { Build = site.Options(), Port = 0 };
        var server = await PreviewServer.StartAsync(options, reporter, new FakeRuntimes());
        await server.FirstBuild.WaitAsync(TimeSpan.FromSeconds(120));
        return new TestServer(server, reporter);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    private sealed class Reporter : IServeReporter
    {
        public ConcurrentQueue<RebuildReport> Reports { get; } = new();

        public void Listening(Uri url) { }

        public void Built(RebuildReport report) => Reports.Enqueue(report);
    }
}
