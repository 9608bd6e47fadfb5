using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Site.Core;

namespace Site.Markdown.Highlighting;

/// <summary>
/// Highlights code with highlight.js in one Node process per build (node/highlight-server.js, installed with the build).
/// Throws <see cref="HighlighterUnavailableException"/> when Node or the script cannot be started.
/// </summary>
internal sealed class NodeHighlighter
{
    public static string ScriptPath => NodeTools.Script("highlight-server.js");


    /// <summary>Returns highlighted HTML for each request, or null where highlight.js does not know the language.</summary>
    public static async Task<string?[]> HighlightAsync(IReadOnlyList<(string Language, string Code)> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
            return [];
        if (!File.Exists(ScriptPath))
            throw new HighlighterUnavailableException($"{ScriptPath} is missing (the build installs it with npm)");

        var start = new ProcessStartInfo(NodeTools.Executable, [ScriptPath])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new HighlighterUnavailableException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new HighlighterUnavailableException($"'{NodeTools.Executable}' could not be started ({e.Message}); install Node.js or set SITE_NODE");
        }

        using (process)
        {
            try
            {
                return await ExchangeAsync(process, requests, cancellationToken);
            }
            finally
            {
                // Cancelled (Ctrl+C under serve) or failed half-way: Node must not outlive the build.
                if (!process.HasExited)
                    process.Kill();
            }
        }
    }

    private static async Task<string?[]> ExchangeAsync(Process process, IReadOnlyList<(string Language, string Code)> requests, CancellationToken cancellationToken)
    {
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var line = JsonSerializer.Serialize(new Request(i, requests[i].Language, requests[i].Code), HighlightJson.Default.Request);
                await process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
        }, cancellationToken);

        var results = new string?[requests.Count];
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            var response = JsonSerializer.Deserialize(line, HighlightJson.Default.Response)!;
            results[response.Id] = response.Html;
        }

        await writer;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new HighlighterUnavailableException($"highlight-server.js failed: {(await errors).Trim()}");
        return results;
    }

    internal sealed record Request(int Id, string Lang, string Code);

    internal sealed record Response(int Id, string? Html);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(NodeHighlighter.Request))]
[System.Text.Json.Serialization.JsonSerializable(typeof(NodeHighlighter.Response))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class HighlightJson : System.Text.Json.Serialization.JsonSerializerContext;

internal sealed class HighlighterUnavailableException(string message) : Exception(message);
