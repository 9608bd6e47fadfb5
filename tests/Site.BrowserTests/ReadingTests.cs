using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>The built guide over HTTP: navigation, dark mode, copying code; screenshots in artifacts/screenshots/.</summary>
[Collection(GuideCollection.Name)]
public sealed class ReadingTests(Browser browser, Guide guide)
{
    private string Url(string path) => guide.Server.BaseUrl + path;

    [BrowserFact]
    public async Task The_sidebar_and_prev_next_links_lead_through_the_guide()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("index.html"));

        await page.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "The Python runtime", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/runtime/index\.html$"));
        Assert.Equal("The Python runtime", await page.Locator("h1.doc-title").InnerTextAsync());

        await page.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "Interpreter and bytecode" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/runtime/interpreter\-and\-bytecode/index\.html$"));
        Assert.Equal("page", await page.Locator(".sidebar [aria-current]").GetAttributeAsync("aria-current"));

        await page.Locator(".pager-next").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/runtime/virtual\-machine/index\.html$"));
        Assert.Equal("The Python virtual machine", await page.Locator("h1.doc-title").InnerTextAsync());

        await page.Locator(".pager-prev").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/runtime/interpreter\-and\-bytecode/index\.html$"));
        await watched.ScreenshotAsync("desktop-light-interpreter");
        Assert.Empty(watched.Errors);
    }

    [BrowserFact]
    public async Task The_dark_theme_toggle_is_remembered_across_a_reload()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("async/index.html"));
        var light = await Background(page);

        await page.Locator(".theme-toggle").ClickAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')"));
        var dark = await Background(page);
        await page.ReloadAsync();

        Assert.NotEqual(light, dark);
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')"));
        Assert.Equal(dark, await Background(page));
        await watched.ScreenshotAsync("desktop-dark-async");
        Assert.Empty(watched.Errors);
    }

    [BrowserFact]
    public async Task The_copy_button_puts_the_code_on_the_clipboard()
    {
        await using var watched = await browser.OpenAsync(origin: guide.Server.BaseUrl.TrimEnd('/'));
        var page = watched.Page;
        await page.GotoAsync(Url("runtime/interpreter-and-bytecode/index.html"));
        var block = page.Locator(".code-block.snippet").First;
        var code = await block.Locator("pre code").InnerTextAsync();

        await block.Locator(".copy-button").ClickAsync();

        await Assertions.Expect(block.Locator(".copy-button")).ToHaveTextAsync("Copied");
        Assert.Equal(code.TrimEnd(), (await page.EvaluateAsync<string>("navigator.clipboard.readText()")).TrimEnd());
        Assert.Empty(watched.Errors);
    }

    [BrowserFact]
    public async Task On_a_phone_the_menu_opens_the_sidebar_and_compare_panes_become_tabs()
    {
        await using var watched = await browser.OpenAsync(phone: true, dark: true);
        var page = watched.Page;
        await page.GotoAsync(Url("runtime/virtual-machine/index.html"));
        await watched.ScreenshotAsync("phone-dark-virtual-machine");

        await page.Locator(".menu-button").ClickAsync();
        await Assertions.Expect(page.Locator(".sidebar")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("document.querySelector('.sidebar').getBoundingClientRect().left >= 0"); // slid in
        await page.WaitForTimeoutAsync(300); // let the transition settle for the screenshot
        await watched.ScreenshotAsync("phone-dark-menu");
        await page.Keyboard.PressAsync("Escape");

        var tabs = page.Locator(".compare-tabs").First;
        await Assertions.Expect(tabs).ToBeVisibleAsync();
        await tabs.GetByRole(AriaRole.Tab, new() { Name = "Python" }).ClickAsync();
        Assert.Equal("true", await tabs.GetByRole(AriaRole.Tab, new() { Name = "Python" }).GetAttributeAsync("aria-selected"));
        Assert.Empty(watched.Errors);
    }

    [BrowserFact]
    public async Task A_missing_page_gets_the_404_page()
    {
        await using var watched = await browser.OpenAsync();
        var response = await watched.Page.GotoAsync(Url("no/such/page/"));

        Assert.Equal(404, response!.Status);
        Assert.Contains("Page not found", await watched.Page.Locator("h1").First.InnerTextAsync());
    }

    private static Task<string> Background(IPage page) =>
        page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
}
