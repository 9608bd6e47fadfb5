using Site.Tests.Support;

namespace Site.Tests.EndToEnd;

/// <summary>Builds Fixtures/basic with the test theme through the command line and checks the site it writes.</summary>
public sealed class BasicSiteTests : IAsyncLifetime
{
    private readonly TestSite site = new(TestPaths.BasicSite);
    private CliRun run = new(-1, "", "");

    public async Task InitializeAsync() => run = await site.RunCliAsync();

    public Task DisposeAsync()
    {
        site.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void The_build_exits_0_with_a_summary_line_and_no_diagnostics()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        Assert.Matches(@"(?m)^Built 6 pages, 0 warnings, 0 errors, \d+\.\d\d s -> .*output/$", run.Out);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("basics/index.html")]
    [InlineData("basics/first/index.html")]
    [InlineData("basics/second/index.html")]
    [InlineData("advanced/index.html")]
    [InlineData("advanced/one/index.html")]
    [InlineData("advanced/two/index.html")]
    [InlineData("tags/index.html")]
    [InlineData("tags/intro/index.html")]
    [InlineData("tags/deep/index.html")]
    [InlineData("assets/site.css")]
    [InlineData("assets/search-index.js")]
    [InlineData("images/logo.png")]
    [InlineData(".site-output")]
    [InlineData("404.html")]
    public void The_expected_files_exist(string path)
    {
        Assert.True(site.OutputExists(path), $"{path} is missing; built:\n{string.Join("\n", Built())}");
    }

    [Fact]
    public void Nothing_else_is_written_and_the_draft_is_left_out()
    {
        Assert.Equal(15, Built().Count);
        Assert.False(site.OutputExists("basics/unfinished/index.html"));
        Assert.DoesNotContain("Unfinished", site.ReadOutput("basics/index.html"));
        Assert.DoesNotContain("Unfinished", site.ReadOutput("assets/search-index.js"));
    }

    [Fact]
    public void The_image_is_copied_as_it_is()
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(TestPaths.BasicSite, "images", "logo.png")), File.ReadAllBytes(Path.Combine(site.Output, "images", "logo.png")));
    }

    [Fact]
    public void The_sidebar_lists_sections_in_site_yml_order_with_relative_urls()
    {
        var html = site.ReadOutput("basics/first/index.html");

        var basics = html.IndexOf("<a class=\"nav-section\" href=\"../index.html\">Basics</a>", StringComparison.Ordinal);
        var advanced = html.IndexOf("<a class=\"nav-section\" href=\"../../advanced/index.html\">Going further</a>", StringComparison.Ordinal);
        Assert.True(basics >= 0 && advanced > basics, html);
        Assert.Contains("<a class=\"nav-page\" href=\"index.html\">First steps</a>", html);
        Assert.Contains("<a class=\"nav-page\" href=\"../second/index.html\">Second steps</a>", html);
        Assert.Contains("<a class=\"nav-page\" href=\"../../advanced/one/index.html\">Alpha topics</a>", html);
        Assert.Contains("<a class=\"home\" href=\"../../index.html\">Fixture Guide</a>", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"../../assets/site.css\">", html);
    }

    [Fact]
    public void Pages_link_prev_and_next_in_reading_order()
    {
        var first = site.ReadOutput("basics/first/index.html");
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"../index.html\">Basics</a>", first);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"../second/index.html\">Second steps</a>", first);

        var second = site.ReadOutput("basics/second/index.html");
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"../../advanced/index.html\">Going further</a>", second);

        var last = site.ReadOutput("advanced/two/index.html");
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"../one/index.html\">Alpha topics</a>", last);
        Assert.DoesNotContain("rel=\"next\"", last);
    }

    [Fact]
    public void Content_links_are_rewritten_to_relative_index_html_urls()
    {
        var home = site.ReadOutput("index.html");
        Assert.Contains("<a href=\"basics/first/index.html\">the first steps</a>", home);
        Assert.Contains("<a href=\"images/logo.png\">logo</a>", home);

        var first = site.ReadOutput("basics/first/index.html");
        Assert.Contains("<a href=\"../second/index.html#details\">the second page</a>", first);
        Assert.Contains("<img src=\"../../images/logo.png\" alt=\"Logo\" />", first);
    }

    [Fact]
    public void Tags_get_pages_listing_their_pages()
    {
        var first = site.ReadOutput("basics/first/index.html");
        Assert.Contains("<a class=\"tag\" href=\"../../tags/intro/index.html\">intro</a>", first);

        var intro = site.ReadOutput("tags/intro/index.html");
        Assert.Contains("<h1>Tagged “intro”</h1>", intro);
        Assert.Contains("<li><a href=\"../../basics/first/index.html\">First steps</a></li>", intro);
        Assert.Contains("<li><a href=\"../../advanced/one/index.html\">Alpha topics</a></li>", intro);

        var all = site.ReadOutput("tags/index.html");
        Assert.Contains("<li><a href=\"deep/index.html\">deep</a> (1)</li>", all);
        Assert.Contains("<li><a href=\"intro/index.html\">intro</a> (2)</li>", all);
    }

    [Fact]
    public void Section_pages_list_their_pages_in_order()
    {
        var basics = site.ReadOutput("basics/index.html");
        var first = basics.IndexOf("<li><a href=\"first/index.html\">First steps</a></li>", StringComparison.Ordinal);
        var second = basics.IndexOf("<li><a href=\"second/index.html\">Second steps</a></li>", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, basics);

        var advanced = site.ReadOutput("advanced/index.html");
        Assert.Contains("<h1>Going further</h1>", advanced);
        Assert.Contains("<li><a href=\"one/index.html\">Alpha topics</a></li>", advanced);
    }

    [Fact]
    public void The_data_table_is_rendered_with_its_link_resolved()
    {
        var html = site.ReadOutput("advanced/two/index.html");

        Assert.Contains("<caption>Tools</caption>", html);
        Assert.Contains("<th scope=\"row\"><a href=\"../../basics/first/index.html\">Install a package</a></th><td><code>pip install</code></td><td><code>npm install</code></td>", html);
        Assert.Contains("<th scope=\"row\">Run a script</th>", html);
    }

    private List<string> Built() => Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
}
