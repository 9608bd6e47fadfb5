using System.Collections.Immutable;
using Site.Core;
using Site.FrontMatter;
using Site.Reading;
using Site.Theme;

namespace Site.Tests.Theme;

public sealed class NavigationTests
{
    private static Page Page(string source, string title, int? order = null, PageKind kind = PageKind.Content)
    {
        var page = new Page
        {
            SourcePath = source,
            Kind = kind,
            Section = ReadFiles.SectionOf(source),
            Metadata = PageMetadata.Empty with { Title = title, Order = order },
        };
        return page with { OutputPath = AssignUrls.OutputPathOf(page) };
    }

    private static SiteSettings Settings(params string[] navigation) => SiteSettings.Default with { Navigation = [.. navigation] };

    [Fact]
    public void Sections_follow_the_navigation_order_of_site_yml_then_order_then_title()
    {
        Page[] pages =
        [
            Page("index.md", "Home"),
            Page("alpha/a.md", "A"),
            Page("beta/b.md", "B"),
            Page("gamma/index.md", "Gamma", order: 1, kind: PageKind.SectionIndex),
            Page("gamma/g.md", "G"),
            Page("delta/d.md", "D"),
            Page("zeta/z.md", "Z"),
        ];

        var navigation = Navigation.Build(pages, Settings("zeta", "beta"));

        // zeta and beta as site.yml says; then gamma (its index has order 1); then alpha, delta by title.
        Assert.Equal(["Zeta", "Beta", "Gamma", "Alpha", "Delta"], navigation.Entries.Select(e => e.Title));
        Assert.Same(pages[0], navigation.Home);
        Assert.Same(pages[3], navigation.Entries[2].Page);
        Assert.Null(navigation.Entries[0].Page);
    }

    [Fact]
    public void Section_titles_come_from_site_yml_then_the_index_page_then_the_folder_name()
    {
        Page[] pages =
        [
            Page("async/index.md", "Async and await", kind: PageKind.SectionIndex),
            Page("async/x.md", "X"),
            Page("env/index.md", "Environments", kind: PageKind.SectionIndex),
            Page("python_versions/x.md", "X"),
        ];
        var settings = Settings("async", "env", "python_versions") with
        {
            SectionTitles = ImmutableDictionary<string, string>.Empty.Add("async", "Async"),
        };

        var navigation = Navigation.Build(pages, settings);

        Assert.Equal(["Async", "Environments", "Python versions"], navigation.Entries.Select(e => e.Title));
    }

    [Fact]
    public void Pages_in_a_section_go_by_order_then_title_and_unordered_pages_come_last()
    {
        Page[] pages =
        [
            Page("s/zebra.md", "Zebra", order: 1),
            Page("s/unordered-b.md", "banana"),
            Page("s/apple.md", "Apple", order: 2),
            Page("s/unordered-a.md", "Avocado"),
            Page("s/second-one.md", "Aardvark", order: 2),
        ];

        var navigation = Navigation.Build(pages, Settings());

        var section = Assert.Single(navigation.Entries);
        Assert.Equal(["Zebra", "Aardvark", "Apple", "Avocado", "banana"], section.Children.Select(p => p.Metadata.Title));
    }

    [Fact]
    public void Top_level_pages_are_entries_of_their_own_ordered_with_the_sections()
    {
        Page[] pages =
        [
            Page("index.md", "Home"),
            Page("about.md", "About", order: 9),
            Page("faq.md", "FAQ"),
            Page("guide/x.md", "X"),
        ];

        var navigation = Navigation.Build(pages, Settings("faq", "guide"));

        Assert.Equal(["FAQ", "Guide", "About"], navigation.Entries.Select(e => e.Title));
        Assert.Empty(navigation.Entries[0].Children);
        Assert.DoesNotContain(navigation.Entries, e => e.Page?.OutputPath == "index.html");
    }

    [Fact]
    public void The_reading_order_is_home_then_each_section_s_index_and_pages()
    {
        var home = Page("index.md", "Home");
        var bIndex = Page("b/index.md", "B section", kind: PageKind.SectionIndex);
        var b2 = Page("b/two.md", "Two", order: 2);
        var b1 = Page("b/one.md", "One", order: 1);
        var a1 = Page("a/only.md", "Only");
        var tag = Page("tags/x", "Tagged x", kind: PageKind.TagPage);

        var navigation = Navigation.Build([b2, tag, a1, bIndex, home, b1], Settings("b", "a"));

        Assert.Equal([home, bIndex, b1, b2, a1], navigation.ReadingOrder.ToArray());
    }

    [Fact]
    public async Task Built_pages_link_prev_and_next_in_reading_order()
    {
        using var site = new Support.TestSite();
        site.Write("site.yml", "navigation: [second, first]\n");
        site.Page("index.md", "Home");
        site.Page("first/a.md", "First A");
        site.Page("second/b.md", "Second B", frontMatter: "order: 2\n");
        site.Page("second/a.md", "Second A", frontMatter: "order: 1\n");

        var result = await site.BuildAsync();

        Support.Expect.Success(result);
        // Reading order: home, second/ (generated index), Second A, Second B, first/ (generated index), First A.
        var page = site.ReadOutput("second/b/index.html");
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"../a/index.html\">Second A</a>", page);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"../../first/index.html\">First</a>", page);
        var home = site.ReadOutput("index.html");
        Assert.DoesNotContain("class=\"prev\"", home);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"second/index.html\">Second</a>", home);
        var last = site.ReadOutput("first/a/index.html");
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"../index.html\">First</a>", last);
        Assert.DoesNotContain("class=\"next\"", last);
    }
}
