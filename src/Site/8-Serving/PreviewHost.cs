using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Site.Serving;

/// <summary>
/// Kestrel (from the shared framework), answering every GET from the current <see cref="ServedSite"/> and
/// <see cref="ReloadScript.EventsPath"/> with <see cref="LiveReload"/>. Nothing is cached by the browser: a reload is fresh.
/// </summary>
internal sealed class PreviewHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private PreviewHost(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The address it listens on, with the port the system gave when asked for port 0.</summary>
    public Uri Url { get; }

    /// <exception cref="PreviewServerException">The address cannot be listened on (the port is in use).</exception>
    public static async Task<PreviewHost> StartAsync(IPAddress host, int port, Func<ServedSite> site, LiveReload reload)
    {
        // Content root: the tool's own folder, so no appsettings.json of the site's folder configures the server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // The command line owns Ctrl+C (it cancels, then disposes us); the host must not install handlers of its own.
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(host, port);
        });
        var app = builder.Build();
        var stopping = app.Lifetime.ApplicationStopping;
        app.Run(http => http.Request.Path == ReloadScript.EventsPath
            ? reload.StreamAsync(http, () => site().Version, stopping)
            : ReplyAsync(http, site()));
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            var address = $"http://{FormatHost(host)}:{port}";
            throw new PreviewServerException(e.InnerException is AddressInUseException
                ? $"site: error: cannot listen on {address}: the port is in use (another server? choose one with --port)"
                : $"site: error: cannot listen on {address}: {e.InnerException?.Message ?? e.Message}");
        }

        return new PreviewHost(app, new Uri(app.Urls.First().Replace("[::]", "localhost", StringComparison.Ordinal)));
    }

    private static async Task ReplyAsync(HttpContext http, ServedSite site)
    {
        var request = http.Request;
        var response = http.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var reply = site.Respond(request.Path.Value ?? "/");
        response.Headers.CacheControl = "no-store";
        if (reply.Location is { } location)
        {
            response.Redirect(location + request.QueryString);
            return;
        }

        if (reply.File is { } file && !File.Exists(file))
            reply = new Reply(StatusCodes.Status404NotFound, "text/plain; charset=utf-8") { Text = $"404 Not Found: {request.Path}\n" };
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        if (reply.File is { } path)
        {
            response.ContentLength = new FileInfo(path).Length;
            if (HttpMethods.IsGet(request.Method))
                await response.SendFileAsync(path, http.RequestAborted);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Text ?? "");
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsGet(request.Method))
            await response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    private static string FormatHost(IPAddress host) =>
        host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();

    /// <summary>Stops listening: open event streams end first, so this takes no longer than a request in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A host lifetime that leaves signals alone.</summary>
    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
