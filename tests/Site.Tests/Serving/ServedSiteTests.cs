using Site.Core;
using Site.Serving;

namespace Site.Tests.Serving;

/// <summary>What the server answers for a path, without a server: pages, folders, content types, failures.</summary>
public sealed class ServedSiteTests
{
    private static readonly SiteFiles Files = new(
    [
        new OutputFile("index.html", "<html><body><p>Home</p></body></html>", null),
        new OutputFile("guide/page/index.html", "<html><body>Page</body></html>", null),
        new OutputFile("data.json", "{}", null),
    ]);

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/index.html", "index.html")]
    [InlineData("/guide/page/", "guide/page/index.html")]
    [InlineData("/guide/page/index.html", "guide/page/index.html")]
    public void A_page_gets_the_reload_script_naming_it(string path, string page)
    {
        var reply = new ServedSite("v1", Files, built: true, failure: null).Respond(path);

        Assert.Equal(200, reply.Status);
        Assert.Equal("text/html; charset=utf-8", reply.ContentType);
        Assert.Contains($"<script data-site-reload data-page=\"{page}\">", reply.Text);
        Assert.EndsWith("</script></body></html>", reply.Text);
    }

    [Fact]
    public void Other_files_are_served_as_they_are_with_their_content_type()
    {
        var reply = new ServedSite("v1", Files, built: true, failure: null).Respond("/data.json");

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal("{}", reply.Text);
    }

    [Fact]
    public void Before_the_first_build_every_page_says_building()
    {
        var reply = ServedSite.Building("v0").Respond("/anything/");

        Assert.Equal(503, reply.Status);
        Assert.Contains("Building the site", reply.Text);
        Assert.Contains("data-site-reload", reply.Text);
    }

    [Fact]
    public void A_failed_build_replaces_every_page_but_keeps_other_files()
    {
        var failure = new BuildFailure([Diagnostic.Error("SITE010", new SourceLocation("input/a.md", 3, 5), "link to '<b>.md': no page")
            with { Detail = "    a <detail> line" }]);
        var served = new ServedSite("v2", Files, built: true, failure);

        var page = served.Respond("/guide/page/");
        Assert.Equal(500, page.Status);
        Assert.Contains("input/a.md(3,5): <span class=\"kind\">error</span> SITE010: link to &#39;&lt;b&gt;.md&#39;: no page", page.Text);
        Assert.Contains("<pre>a &lt;detail&gt; line</pre>", page.Text);
        Assert.Equal(500, served.Respond("/missing").Status);
        Assert.Equal("{}", served.Respond("/data.json").Text);
    }

    [Fact]
    public void Changed_files_are_told_apart_from_unchanged_ones()
    {
        var next = new SiteFiles(
        [
            new OutputFile("index.html", "<html><body><p>Home</p></body></html>", null),
            new OutputFile("guide/page/index.html", "<html><body>Page, edited</body></html>", null),
            new OutputFile("new.html", "new", null),
        ]);

        Assert.Equal(["data.json", "guide/page/index.html", "new.html"], next.ChangedSince(Files));
        Assert.Empty(Files.ChangedSince(Files));
    }

    [Theory]
    [InlineData("page.md", false)]
    [InlineData("guide/page.md", false)]
    [InlineData("images/logo.png", false)]
    [InlineData(".page.md.swp", true)]
    [InlineData("guide/page.md~", true)]
    [InlineData("guide/#page.md#", true)]
    [InlineData("guide/.#page.md", true)]
    [InlineData("guide/4913", true)]
    [InlineData(".git/index", true)]
    [InlineData("node_modules/x/index.js", true)]
    [InlineData("page.md.tmp", true)]
    public void Editor_temporary_files_do_not_trigger_a_rebuild(string path, bool ignored) =>
        Assert.Equal(ignored, InputWatcher.IsIgnored(path));
}
