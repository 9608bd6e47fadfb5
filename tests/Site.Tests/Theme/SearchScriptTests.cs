using System.Diagnostics;
using System.Text.Json;
using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Theme;

/// <summary>The matching and ranking of the default theme's search.js, run in Node (the same code the browser runs).</summary>
public sealed class SearchScriptTests
{
    private const string Index = """
        { "pages": [
          { "title": "Virtual environments", "url": "env/index.html", "section": "Environments", "sections": [
            { "heading": "", "anchor": "", "text": "About isolation." },
            { "heading": "Creating one", "anchor": "creating", "text": "Run python -m venv <dir>." },
            { "heading": "Deleting", "anchor": "deleting", "text": "Remove the folder." } ] },
          { "title": "Packages", "url": "pkg/index.html", "section": null, "sections": [
            { "heading": "", "anchor": "", "text": "Packages live in environments, one per project." },
            { "heading": "Environment markers", "anchor": "markers", "text": "Conditions in requirements." } ] },
          { "title": "Async", "url": "async/index.html", "section": null, "sections": [
            { "heading": "", "anchor": "", "text": "Nothing to see." },
            { "heading": "Event loop", "anchor": "loop", "text": "The loop runs in the virtual environment of a thread." } ] }
        ] }
        """;

    /// <summary>Runs SiteSearch.search on <see cref="Index"/> for each query; the result URLs, and the results themselves.</summary>
    private static async Task<Dictionary<string, JsonElement>> SearchAsync(params string[] queries)
    {
        using var folder = new TempFolder();
        var script = folder.Write("run.js", $$"""
            const search = require({{JsonSerializer.Serialize(Path.Combine(TestPaths.DefaultTheme, "assets", "search.js"))}});
            const index = {{Index}};
            const queries = {{JsonSerializer.Serialize(queries)}};
            console.log(JSON.stringify(Object.fromEntries(queries.map(q => [q, search.search(index, q)]))));
            """);
        var start = new ProcessStartInfo(NodeTools.Executable, [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, error);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(output)!;
    }

    private static List<string?> Urls(JsonElement results) => [.. results.EnumerateArray().Select(r => r.GetProperty("url").GetString())];

    private static string Marked(JsonElement parts) =>
        string.Concat(parts.EnumerateArray().Select(p => p.GetProperty("match").GetBoolean() ? $"[{p.GetProperty("text").GetString()}]" : p.GetProperty("text").GetString()));

    [Fact]
    public async Task Title_matches_come_first_then_headings_then_text_in_index_order()
    {
        var results = await SearchAsync("environment", "ENVIRON");

        // The title match is one result (the page's top), not one per section of the page.
        Assert.Equal(["env/index.html", "pkg/index.html#markers", "pkg/index.html", "async/index.html#loop"], Urls(results["environment"]));
        Assert.Equal(Urls(results["environment"]), Urls(results["ENVIRON"]));
    }

    [Fact]
    public async Task Every_word_must_match_and_only_at_the_start_of_a_word()
    {
        var results = await SearchAsync("virtual loop", "nviron", "virtual zebra", "", "   ");

        Assert.Equal(["async/index.html#loop"], Urls(results["virtual loop"]));
        Assert.Empty(Urls(results["nviron"]));
        Assert.Empty(Urls(results["virtual zebra"]));
        Assert.Empty(Urls(results[""]));
        Assert.Empty(Urls(results["   "]));
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_while_it_is_typed()
    {
        var results = await SearchAsync("creat", "python -m ven");

        Assert.Equal(["env/index.html#creating"], Urls(results["creat"]));
        Assert.Equal(["env/index.html#creating"], Urls(results["python -m ven"]));
    }

    [Fact]
    public async Task Results_carry_page_heading_and_the_matched_text_marked_as_plain_text_parts()
    {
        var result = (await SearchAsync("python venv"))["python venv"][0];

        Assert.Equal("Virtual environments", result.GetProperty("page").GetString());
        Assert.Equal("Creating one", result.GetProperty("heading").GetString());
        Assert.Equal("Environments", result.GetProperty("section").GetString());
        Assert.Equal("Creating one", Marked(result.GetProperty("title")));
        // Text stays text: "<dir>" comes back as it is, for the page to insert with textContent.
        Assert.Equal("Run [python] -m [venv] <dir>.", Marked(result.GetProperty("snippet")));
    }
}
