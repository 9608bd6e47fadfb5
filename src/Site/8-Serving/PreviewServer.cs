using Site.Core;
using Site.Snippets.Engines;

namespace Site.Serving;

/// <summary>
/// <c>site serve</c>: serves the site from memory (<see cref="PreviewHost"/>), watches the input and the theme
/// (<see cref="InputWatcher"/>), rebuilds after a change (<see cref="Rebuilder"/>) and reloads open pages
/// (<see cref="LiveReload"/>). Nothing is written to the output folder. Disposing stops all of it.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly PreviewHost host;
    private readonly InputWatcher watcher;
    private readonly Rebuilder rebuilder;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    private PreviewServer(PreviewHost host, InputWatcher watcher, Rebuilder rebuilder)
    {
        (this.host, this.watcher, this.rebuilder) = (host, watcher, rebuilder);
        loop = Task.Run(() => rebuilder.RunAsync(watcher.Changes, stopping.Token));
    }

    public Uri Url => host.Url;

    /// <summary>Completes when the first build is served (tests wait for it; browsers see "building" until then).</summary>
    public Task FirstBuild => rebuilder.FirstBuild;

    /// <summary>Runs as long as the server does; it ends early only if the rebuild loop fails.</summary>
    public Task Completion => loop;

    /// <exception cref="PreviewServerException">A folder is missing, the port is in use, or the folders cannot be watched.</exception>
    public static async Task<PreviewServer> StartAsync(ServeOptions options, IServeReporter reporter, ISnippetRuntimes? runtimes = null)
    {
        var build = options.Build;
        foreach (var (folder, what) in new[] { (build.InputDirectory, "input"), (build.ThemeDirectory, "theme") })
        {
            if (!Directory.Exists(folder))
                throw new PreviewServerException(Diagnostic.Error(DiagnosticCodes.MissingFolder, null, $"{what} folder '{folder}' does not exist").ToString());
        }

        var reload = new LiveReload();
        var rebuilder = new Rebuilder(options, reload, reporter.Built, runtimes);
        var host = await PreviewHost.StartAsync(options.Host, options.Port, () => rebuilder.Site, reload);
        InputWatcher watcher;
        try
        {
            // Watching starts before the first build, so a save during it is not lost.
            watcher = new InputWatcher([build.InputDirectory, build.ThemeDirectory], options.Quiet);
        }
        catch (IOException e)
        {
            // Linux limits inotify watches and instances per user.
            await host.DisposeAsync();
            throw new PreviewServerException($"site: error: cannot watch '{build.InputDirectory}' for changes: {e.Message}");
        }

        reporter.Listening(host.Url);
        return new PreviewServer(host, watcher, rebuilder);
    }

    public async ValueTask DisposeAsync()
    {
        watcher.Dispose();
        await stopping.CancelAsync(); // a build in progress stops, and its snippet engines with it
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await host.DisposeAsync();
            stopping.Dispose();
        }
    }
}
