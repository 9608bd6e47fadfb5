using System.Net;
using System.Net.Sockets;

namespace Site.BrowserTests;

/// <summary>Serves a folder over http://127.0.0.1 on a free port, as any static host would (folders serve index.html).</summary>
public sealed class StaticServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css", [".js"] = "text/javascript",
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".xml"] = "application/xml", [".json"] = "application/json",
    };

    private readonly HttpListener listener = new();
    private readonly string root;

    private StaticServer(string root, int port)
    {
        this.root = root;
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public static StaticServer Start(string root)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new StaticServer(root, port);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(root, path));
            if (Directory.Exists(file))
                file = Path.Combine(file, "index.html");
            var found = file.StartsWith(root, StringComparison.Ordinal) && File.Exists(file);
            if (!found)
                file = Path.Combine(root, "404.html");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            var bytes = await File.ReadAllBytesAsync(file);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
