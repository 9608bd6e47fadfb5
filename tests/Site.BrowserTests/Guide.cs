using System.IO.Compression;
using Site.Bundling;
using Site.Core;

namespace Site.BrowserTests;

/// <summary>
/// The real guide, built once for the browser tests: the site (served over HTTP by <see cref="StaticServer"/>) and the
/// offline bundle, unzipped to a folder of its own to be opened from file://.
/// </summary>
public sealed class Guide : IAsyncLifetime
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "site-browser-" + Guid.NewGuid().ToString("N"));

    public static string RepositoryRoot { get; } = FindRoot();

    public string SiteFolder => Path.Combine(work, "site");

    /// <summary>The unzipped bundle's folder (holding index.html).</summary>
    public string BundleFolder { get; private set; } = "";

    public StaticServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Browser.ExecutablePath))
            return;
        var options = new BuildOptions
        {
            InputDirectory = Path.Combine(RepositoryRoot, "input"),
            OutputDirectory = SiteFolder,
            ThemeDirectory = Path.Combine(RepositoryRoot, "themes", "default"),
            CacheDirectory = Path.Combine(work, "cache"),
        };
        await Build(options);
        Server = StaticServer.Start(SiteFolder);

        var bundleSite = Path.Combine(work, "bundle-site");
        await Build(options with { OutputDirectory = bundleSite, SinglePage = true, Offline = true });
        var zip = Path.Combine(work, "python-for-js-devs-offline.zip");
        OfflineBundle.Write(bundleSite, zip);
        ZipFile.ExtractToDirectory(zip, Path.Combine(work, "unzipped"));
        BundleFolder = Path.Combine(work, "unzipped", "python-for-js-devs-offline");
    }

    private static async Task Build(BuildOptions options)
    {
        var result = await SiteBuilder.BuildAsync(options, SilentProgress.Instance);
        if (result.ExitCode != ExitCode.Success)
            throw new InvalidOperationException("the guide did not build:\n" + string.Join("\n", result.Diagnostics));
    }

    public Task DisposeAsync()
    {
        Server?.Dispose();
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Site.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class GuideCollection : ICollectionFixture<Browser>, ICollectionFixture<Guide>
{
    public const string Name = "Browser and built guide";
}
