using Site.Core;
using Site.Theme;

namespace Site.Tests.Theme;

public sealed class SharedLinksTests
{
    private static readonly string[] Paths =
    [
        "index.html", "a/index.html", "a/b/index.html", "a/c/index.html", "a/b/d/index.html", "a/bc/index.html",
        "b/index.html", "b/x/index.html", "tags/t/index.html", "tags/index.html", "404.html",
    ];

    [Fact]
    public void A_shared_link_is_the_link_each_page_would_make_itself()
    {
        // Pages in every order, so each could be the one whose link the others get.
        foreach (var order in new[] { Paths, Paths.Reverse().ToArray() })
        {
            var shared = new SharedLinks();
            var targets = Paths.ToDictionary(p => p, p => new object());
            foreach (var from in order)
            {
                foreach (var to in Paths)
                    Assert.Equal(Urls.Relative(from, to), shared.Get(targets[to], from, [to], () => Urls.Relative(from, to)));
            }
        }
    }

    [Fact]
    public void Pages_in_folders_with_one_parent_share_a_link_that_leads_elsewhere()
    {
        var shared = new SharedLinks();
        var part = new object();

        var first = shared.Get(part, "a/b/index.html", ["x/index.html"], () => new List<string> { Urls.Relative("a/b/index.html", "x/index.html") });
        var second = shared.Get(part, "a/c/index.html", ["x/index.html"], () => new List<string>());

        Assert.Same(first, second);
        Assert.NotSame(first, shared.Get(part, "a/b/d/index.html", ["x/index.html"], () => new List<string>()));
    }
}
