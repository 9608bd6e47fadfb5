using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>One headless Chromium for the test run, driven by Playwright (its own browser download does not work here).</summary>
public sealed class Browser : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("SITE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            return; // the tests are skipped
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
            await Instance.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>A fresh page at a desktop or phone size, light or dark, that records console errors and requests.</summary>
    public async Task<WatchedPage> OpenAsync(bool phone = false, bool dark = false, string? origin = null)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        if (origin is not null)
            await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = origin });
        return new WatchedPage(context, await context.NewPageAsync());
    }
}

/// <summary>A page with what it logged and requested, for asserting that nothing went wrong or outside.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    public WatchedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.Request += (_, request) => Requests.Add(request.Url);
        page.RequestFailed += (_, request) => Errors.Add($"failed request: {request.Url} ({request.Failure})");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    /// <summary>Saves a screenshot under artifacts/screenshots/ (a test artifact; the folder is git-ignored).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(Guide.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
