using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>Search: opened with '/' or Ctrl+K, used with the keyboard, results lead to the heading.</summary>
[Collection(GuideCollection.Name)]
public sealed class SearchTests(Browser browser, Guide guide)
{
    [BrowserFact]
    public async Task Slash_opens_search_and_enter_follows_the_first_result_to_its_heading()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(guide.Server.BaseUrl + "packages/index.html");

        await page.Keyboard.PressAsync("/");
        var input = page.Locator("#search .search-input");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await input.FillAsync("pycache");
        var results = page.Locator("#search-results [role=option]");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        await Assertions.Expect(results.First.Locator("mark").First).ToBeVisibleAsync(); // the matched text is shown
        await watched.ScreenshotAsync("desktop-light-search");

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(page.Locator("#search-results [aria-selected=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(input).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The result leads to a heading of another page (polled: the navigation may be over before we look).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"interpreter-and-bytecode/index\.html#"));
        await page.WaitForLoadStateAsync();
        var anchor = new Uri(page.Url).Fragment.TrimStart('#');
        await Assertions.Expect(page.Locator($"[id='{anchor}']")).ToBeInViewportAsync();
        Assert.Contains("pycache", (await page.ContentAsync()).ToLowerInvariant());
        Assert.Empty(watched.Errors);
    }

    [BrowserFact]
    public async Task Ctrl_K_opens_search_escape_closes_it_and_a_title_match_ranks_first()
    {
        await using var watched = await browser.OpenAsync(phone: true, dark: true);
        var page = watched.Page;
        await page.GotoAsync(guide.Server.BaseUrl + "index.html");

        await page.Keyboard.PressAsync("Control+k");
        var input = page.Locator("#search .search-input");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await input.FillAsync("glossary");
        var first = page.Locator("#search-results [role=option]").First;
        await Assertions.Expect(first).ToContainTextAsync("Glossary");
        await watched.ScreenshotAsync("phone-dark-search");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#search")).Not.ToBeVisibleAsync();
        Assert.Empty(watched.Errors);
    }
}
