using Site.PostProcessing;

namespace Site.Tests.PostProcessing;

public sealed class PageTextTests
{
    [Fact]
    public void Text_is_cut_at_h2_and_h3_with_their_anchors()
    {
        var sections = PageText.Sections(
            "<p>Intro.</p>\n<h2 id=\"where\">Where <code>pip</code> goes<a class=\"heading-anchor\" href=\"#where\">#</a></h2>\n<p>Into site-packages.</p>\n"
            + "<h3 id=\"detail\">Detail</h3><p>More.</p><h4 id=\"deeper\">Deeper</h4><p>Still detail.</p>");

        Assert.Equal(
            [new SearchSection("", "", "Intro."), new SearchSection("Where pip goes", "where", "Into site-packages."), new SearchSection("Detail", "detail", "More. Deeper Still detail.")],
            sections);
    }

    [Fact]
    public void Markup_is_stripped_blocks_separate_words_and_inline_elements_do_not()
    {
        var section = Assert.Single(PageText.Sections(
            "<p>A <strong>bold</strong> <a href=\"x.html\">link</a> and py<em>thon</em> &amp; &lt;tags&gt;</p><ul><li>one</li><li>two</li></ul><table><tr><td>cell</td><td>next</td></tr></table>"));

        Assert.Equal("A bold link and python & <tags> one two cell next", section.Text);
    }

    [Fact]
    public void Code_blocks_snippet_output_buttons_and_navigation_are_left_out()
    {
        var html = "<p>Before.</p>"
            + "<div class=\"code-block snippet\" data-lang=\"python\"><div class=\"code-header\"><span class=\"code-lang\">Python</span>"
            + "<span class=\"snippet-badge\">▶ runs</span><button type=\"button\" class=\"copy-button\">Copy</button></div><pre><code>print(&quot;code&quot;)</code></pre></div>"
            + "<div class=\"snippet-output\" data-status=\"verified\"><div class=\"output-header\"><span class=\"output-label\">Output</span></div><pre><samp>printed</samp></pre></div>"
            + "<div class=\"compare-tabs\" role=\"tablist\"><button role=\"tab\">JavaScript</button></div>"
            + "<nav><a href=\"#\">Contents</a></nav>"
            + "<p>After.</p>"
            + "<p class=\"snippet-summary\">1 of 1 snippet on this page verified</p>";

        var section = Assert.Single(PageText.Sections(html));

        Assert.Equal("Before. After.", section.Text);
    }

    [Fact]
    public void A_page_without_text_has_one_empty_section()
    {
        Assert.Equal([new SearchSection("", "", "")], PageText.Sections(""));
    }
}
