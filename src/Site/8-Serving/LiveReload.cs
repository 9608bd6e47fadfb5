using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Site.Serving;

/// <summary>
/// The server-sent events every open page listens to (<see cref="ReloadScript"/>): on connecting, <c>hello</c> with the
/// site's version; after a rebuild that changed something, <c>reload</c> with the new version and the changed paths.
/// </summary>
internal sealed class LiveReload
{
    // A comment line now and then, so a dead connection is noticed and proxies keep a live one open.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<Channel<string>, byte> clients = new();

    public int ClientCount => clients.Count;

    /// <summary>Tells every open page what changed; <paramref name="paths"/> null: everything (the build failed or recovered).</summary>
    public void Publish(string version, IReadOnlyList<string>? paths)
    {
        var data = JsonSerializer.Serialize(new ReloadEvent(version, paths is null, paths ?? []), ReloadJson.Default.ReloadEvent);
        var message = $"event: reload\ndata: {data}\n\n";
        foreach (var client in clients.Keys)
            client.Writer.TryWrite(message);
    }

    /// <summary>Serves one page's event stream until the page goes away or the server stops.</summary>
    public async Task StreamAsync(HttpContext http, Func<string> currentVersion, CancellationToken serverStopping)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // A page that cannot keep up only needs the latest news: it reloads anyway.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest });
        clients.TryAdd(channel, 0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, serverStopping);
        try
        {
            // Registered before saying hello, so no rebuild falls between the version it reports and the first event.
            await response.WriteAsync($"retry: 1000\nevent: hello\ndata: {currentVersion()}\n\n", stop.Token);
            await response.Body.FlushAsync(stop.Token);
            while (!stop.IsCancellationRequested)
            {
                var message = await NextAsync(channel.Reader, stop.Token);
                await response.WriteAsync(message, stop.Token);
                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed, or the server is stopping: both end the stream.
        }
        finally
        {
            clients.TryRemove(channel, out _);
        }
    }

    private static async Task<string> NextAsync(ChannelReader<string> reader, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(KeepAlive);
        try
        {
            return await reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ": keep-alive\n\n";
        }
    }

    internal sealed record ReloadEvent(string Version, bool All, IReadOnlyList<string> Paths);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LiveReload.ReloadEvent))]
internal sealed partial class ReloadJson : System.Text.Json.Serialization.JsonSerializerContext;
