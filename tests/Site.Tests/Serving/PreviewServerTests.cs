using System.Net;
using System.Net.Sockets;
using Site.Serving;
using Site.Tests.Support;

namespace Site.Tests.Serving;

/// <summary>The preview server end to end: a temp site, a real Kestrel on a free port, HttpClient and the event stream.</summary>
public sealed class PreviewServerTests : IDisposable
{
    private readonly TestSite site = new();

    public PreviewServerTests()
    {
        site.Page("index.md", "Home", "Welcome home.\n\nSee [the page](guide/page.md).\n");
        site.Page("guide/page.md", "A page", "First version.\n");
    }

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Serves_the_built_pages_from_memory_with_the_reload_script()
    {
        await using var server = await TestServer.StartAsync(site);

        using var home = await server.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html; charset=utf-8", home.Content.Headers.ContentType?.ToString());
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("Welcome home.", html);
        Assert.Contains("<script data-site-reload data-page=\"index.html\">", html);
        Assert.Contains("new EventSource('/__site/events')", html);
        Assert.True(html.IndexOf("data-site-reload", StringComparison.Ordinal) < html.LastIndexOf("</body>", StringComparison.Ordinal));

        Assert.Contains("First version.", await server.GetStringAsync("/guide/page/"));
        Assert.Contains("First version.", await server.GetStringAsync("/guide/page/index.html"));
        using var css = await server.Client.GetAsync("/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());
        Assert.DoesNotContain("data-site-reload", await css.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(site.Output), "serve must never write the output folder");
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_so_relative_links_work()
    {
        await using var server = await TestServer.StartAsync(site);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Server.Url };

        using var response = await client.GetAsync("/guide/page?x=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/guide/page/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_path_is_the_generated_404_page_or_the_sites_own()
    {
        await using (var server = await TestServer.StartAsync(site))
        {
            using var response = await server.Client.GetAsync("/no/such/page/");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
        }

        site.Page("404.md", "Lost", "Nothing here.");
        await using (var server = await TestServer.StartAsync(site))
        {
            using var response = await server.Client.GetAsync("/no/such/page/");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Nothing here.", html);
            Assert.Contains("<base href=\"/404/\">", html); // its relative links work from any depth
            Assert.Contains("data-site-reload", html);
        }
    }

    [Fact]
    public async Task Editing_a_page_sends_a_reload_event_and_serves_the_new_content()
    {
        await using var server = await TestServer.StartAsync(site);
        await using var events = await EventStream.OpenAsync(server.Client);
        Assert.Equal("text/event-stream", events.ContentType);
        var hello = await events.NextAsync("hello");

        site.Page("guide/page.md", "A page", "Second version.\n");
        var reload = await events.NextAsync("reload");

        Assert.Contains("\"guide/page/index.html\"", reload); // and the search index, which holds its text
        Assert.Contains("\"all\":false", reload);
        Assert.DoesNotContain(hello, reload); // a new version
        Assert.Contains("Second version.", await server.GetStringAsync("/guide/page/"));
        Assert.Contains(server.Reports, r => !r.First && r.Succeeded && r.ChangedFiles == 2);
    }

    [Fact]
    public async Task A_broken_page_shows_its_diagnostics_on_every_page_until_it_is_fixed()
    {
        await using var server = await TestServer.StartAsync(site);
        await using var events = await EventStream.OpenAsync(server.Client);
        await events.NextAsync("hello");

        site.Page("guide/page.md", "A page", "Now with [a broken link](missing.md).\n");
        Assert.Contains("\"all\":true", await events.NextAsync("reload"));

        foreach (var path in new[] { "/", "/guide/page/", "/nowhere" })
        {
            using var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("The site does not build: 1 error", html);
            Assert.Matches(@"guide/page\.md\(5,10\): <span class=""kind"">error</span> SITE010: link to &#39;missing\.md&#39;", html);
            Assert.Contains("data-site-reload", html);
            Assert.DoesNotContain("data-page=", html); // an error page reloads on any change
        }

        using (var css = await server.Client.GetAsync("/assets/site.css"))
            Assert.Equal(HttpStatusCode.OK, css.StatusCode); // assets of the last good build stay

        site.Page("guide/page.md", "A page", "Fixed [link](../index.md).\n");
        Assert.Contains("\"all\":true", await events.NextAsync("reload"));
        using var fixedPage = await server.Client.GetAsync("/guide/page/");
        Assert.Equal(HttpStatusCode.OK, fixedPage.StatusCode);
        Assert.Contains("Fixed <a href=\"../../index.html\">link</a>", await fixedPage.Content.ReadAsStringAsync());
        Assert.Contains(server.Reports, r => !r.Succeeded && r.Errors == 1);
    }

    [Fact]
    public async Task Stopping_frees_the_port_and_a_port_in_use_is_a_clear_error()
    {
        var server = await TestServer.StartAsync(site);
        var port = server.Server.Url.Port;
        var error = await Assert.ThrowsAsync<PreviewServerException>(() =>
            PreviewServer.StartAsync(new ServeOptions { Build = site.Options(), Port = port }, new NullReporter(), new FakeRuntimes()));
        Assert.Equal($"site: error: cannot listen on http://127.0.0.1:{port}: the port is in use (another server? choose one with --port)", error.Message);

        await using (var events = await EventStream.OpenAsync(server.Client))
        {
            await events.NextAsync("hello");
            await server.DisposeAsync(); // with an open event stream: it must not hold the server up
        }

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    }

    private sealed class NullReporter : IServeReporter
    {
        public void Listening(Uri url) { }

        public void Built(RebuildReport report) { }
    }
}
