using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>The offline bundle opened from file://: it works, and requests nothing outside itself.</summary>
[Collection(GuideCollection.Name)]
public sealed class OfflineBundleTests(Browser browser, Guide guide)
{
    private string FileUrl(string path) => new Uri(Path.Combine(guide.BundleFolder, path)).AbsoluteUri;

    [BrowserFact]
    public async Task The_bundle_works_from_file_urls_and_requests_nothing_outside_it()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(FileUrl("index.html"));

        await page.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "Environments", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/environments/index\.html$"));
        await page.Locator(".pager-next").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/environments/venv\-vs\-node\-modules/index\.html$"));
        // Copy works from file:// too (the clipboard API wants a secure context; the theme falls back to execCommand).
        var copy = page.Locator(".code-block .copy-button").First;
        await copy.ClickAsync();
        await Assertions.Expect(copy).ToHaveTextAsync("Copied");

        await page.Locator(".theme-toggle").ClickAsync();
        await page.ReloadAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')"));
        await watched.ScreenshotAsync("bundle-file-dark-venv");

        // Search from file://: the index is a script, not a fetch.
        await page.Keyboard.PressAsync("/");
        await page.Locator("#search .search-input").FillAsync("gather");
        await page.Locator("#search-results [role=option]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/async/.*$"));

        await page.GotoAsync(FileUrl("single-page.html"));
        Assert.True(await page.Locator("article.single-chapter").CountAsync() > 20);
        await page.Locator(".single-contents a").Nth(3).ClickAsync();
        await Assertions.Expect(page.Locator("#runtime-virtual-machine h1")).ToBeInViewportAsync();
        await watched.ScreenshotAsync("bundle-file-single-page");

        var inside = new Uri(guide.BundleFolder + "/").AbsoluteUri;
        Assert.All(watched.Requests, url => Assert.StartsWith(inside, url));
        Assert.Empty(watched.Errors);
    }
}
