using System.Text;

namespace Site.Tests.Support;

/// <summary>A client of the preview server's server-sent events: reads one event at a time, as a browser's EventSource would.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public string ContentType => response.Content.Headers.ContentType?.MediaType ?? "";

    public static async Task<EventStream> OpenAsync(HttpClient client, string path = "/__site/events")
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    /// <summary>The data of the next event named <paramref name="name"/> (others are skipped); fails after <paramref name="seconds"/>.</summary>
    public async Task<string> NextAsync(string name, int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? eventName = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException($"the stream ended before a '{name}' event");
            if (line.Length == 0)
            {
                if (eventName == name)
                    return data.ToString();
                (eventName, data) = (null, new StringBuilder());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
