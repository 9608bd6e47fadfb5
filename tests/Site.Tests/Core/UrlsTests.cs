using Site.Core;

namespace Site.Tests.Core;

public sealed class UrlsTests
{
    [Theory]
    [InlineData("index.html", "a/b/index.html", "a/b/index.html")]
    [InlineData("a/b/index.html", "index.html", "../../index.html")]
    [InlineData("a/b/index.html", "a/c/index.html", "../c/index.html")]
    [InlineData("a/index.html", "a/b/index.html", "b/index.html")]
    [InlineData("a/b/index.html", "a/index.html", "../index.html")]
    [InlineData("a/b/index.html", "a/b/index.html", "index.html")]
    [InlineData("a/b/index.html", "images/x.png", "../../images/x.png")]
    [InlineData("ab/index.html", "a/x.html", "../a/x.html")]
    [InlineData("a/b/index.html", "a/bc/index.html", "../bc/index.html")]
    [InlineData("a/b/index.html", "a/b", "../b")]
    [InlineData("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/index.html", "x.html", "../../../../../../../../../../../../../../../../../x.html")]
    public void Relative_urls_between_output_files(string from, string to, string expected) =>
        Assert.Equal(expected, Urls.Relative(from, to));

    [Theory]
    [InlineData("index.html", "")]
    [InlineData("a/index.html", "../")]
    [InlineData("a/b/index.html", "../../")]
    public void The_way_to_the_root(string from, string expected) => Assert.Equal(expected, Urls.ToRoot(from));

    [Theory]
    [InlineData("a/./b/../c.md", "a/c.md")]
    [InlineData("a/../../c.md", null)]
    [InlineData("/a//b", "a/b")]
    public void Normalize_resolves_dots(string path, string? expected) => Assert.Equal(expected, Urls.Normalize(path));

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("mailto:me@example.org", true)]
    [InlineData("//cdn.example.org/x.js", true)]
    [InlineData("guide/page.md", false)]
    [InlineData("#anchor", false)]
    public void External_urls_are_recognised(string url, bool external) => Assert.Equal(external, Urls.IsExternal(url));

    [Theory]
    [InlineData("Node.js & npm", "node-js-npm")]
    [InlineData("  C# & .NET  ", "c-net")]
    [InlineData("python_versions", "python-versions")]
    [InlineData("Café über", "café-über")]
    public void Slugify_makes_url_safe_names(string text, string expected) => Assert.Equal(expected, Naming.Slugify(text));
}
