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

    // The scanner's edge cases. Each is also read by a browser's parser (AngleSharp, as before the scanner), which
    // must agree: Read() checks that.

    [Theory]
    [InlineData("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", "a & b <c> \"d\" 'e'")]
    [InlineData("&copy; &rarr; &check; &NotEqualTilde;", "© → ✓ ≂̸")] // HTML 5's names too, and one of two code points
    [InlineData("&#8364; &#x20AC; &#X20ac; &#128; &#0; &#x110000; &#xD800;", "€ € € € \uFFFD \uFFFD \uFFFD")] // 128: windows-1252
    [InlineData("&copy 2024, &amp more, &notit;", "© 2024, & more, ¬it;")] // legacy names without ';'
    [InlineData("&bogus; & alone &#; &#x; &", "&bogus; & alone &#; &#x; &")]
    [InlineData("non&nbsp;breaking&#32;space", "non breaking space")]
    public void Character_references_are_decoded_as_a_browser_does(string html, string text)
    {
        Assert.Equal(text, Assert.Single(Read("<p>" + html + "</p>")).Text);
    }

    [Fact]
    public void Character_references_in_ids_and_classes_are_decoded()
    {
        Assert.Equal(
            [new SearchSection("", "", "Before."), new SearchSection("A & B", "a&b©", "Kept.")],
            Read("<p>Before.</p><h2 id=\"a&amp;b&copy;\">A &amp; B</h2><p>Kept.<span class=\"x&#32;heading-anchor\">gone</span></p>"));
    }

    [Fact]
    public void Left_out_elements_nested_in_their_own_kind_end_at_their_own_end_tag()
    {
        var html = "<p>A</p><div class=\"snippet-output\"><div>inner</div><div><div>deeper</div></div>still out</div><p>B</p>"
            + "<nav><nav>menu</nav>more menu</nav><p>C</p><pre><code>x</code><pre>y</pre>z</pre><p>D</p>";

        Assert.Equal("A B C D", Assert.Single(Read(html)).Text);
    }

    [Theory]
    [InlineData("<div class=\"code-block snippet-output extra\">out</div>kept", "kept")]
    [InlineData("<div class=\"note\n\tsnippet-summary  \">out</div>kept", "kept")]
    [InlineData("<div class=\"snippet-output-wrapper\">in</div>kept", "in kept")]
    [InlineData("<div class=\"Snippet-Output\">in</div>kept", "in kept")] // class names are case-sensitive
    [InlineData("<span class>in</span> <span class=\"\">too</span>", "in too")]
    public void Any_one_of_several_classes_leaves_an_element_out(string html, string text)
    {
        Assert.Equal(text, Assert.Single(Read(html)).Text);
    }

    [Fact]
    public void Attribute_values_may_hold_a_greater_than_sign_quotes_and_no_quotes()
    {
        var html = "<p title=\"a > b\" data-x='it\"s > c'>One</p><h2 data-y=1 title=\">\" id=\"two\" id=\"ignored\">Two</h2>"
            + "<p hidden class=code-header>out</p><p data-z=\">\">Three</p>";

        Assert.Equal([new SearchSection("", "", "One"), new SearchSection("Two", "two", "Three")], Read(html));
    }

    [Fact]
    public void Comments_doctypes_and_processing_instructions_are_not_text()
    {
        var html = "<!DOCTYPE html><?xml version=\"1.0\"?><p>A<!-- <h2 id=\"no\">not a heading</h2> -- -->B<!---->C<!-->D<!--->E</p>"
            + "<p>F<!-- ends --!>G<![CDATA[ bogus ]]>H</p><p>I<!-- runs to the end";

        Assert.Equal("ABCDE FGH I", Assert.Single(Read(html)).Text); // CDATA outside svg is a bogus comment up to the first '>'
    }

    [Fact]
    public void Script_and_style_are_raw_text_up_to_their_end_tag()
    {
        var html = "<p>A</p><script>if (a < b) document.write(\"<h2 id='no'>x</h2></p>\");</script><style>p > a::after { content: \"</b>\" }</STYLE><p>B</p>"
            + "<script type=\"module\">let x = '</scriptx>';</script ><p>C</p>";

        Assert.Equal("A B C", Assert.Single(Read(html)).Text);
    }

    [Fact]
    public void A_less_than_sign_that_opens_no_tag_is_text()
    {
        Assert.Equal("1 < 2, a <= b, <3 and a ! ends <", Assert.Single(Read("<p>1 < 2, a <= b, <3 and a </ b>!</p><p>ends <")).Text); // "</ b>" is a bogus comment
    }

    [Theory]
    [InlineData("<p>a<p>b<div>c</div>d", "a b c d")] // a <p> ends at the next block
    [InlineData("<ul><li>one<li>two<ul><li>deep</ul><li>three</ul>after", "one two deep three after")] // an <li> at the next item
    [InlineData("<table><tr><td>a<td>b<tr><th>c</table>d", "a b c d")]
    [InlineData("<dl><dt>term<dd>definition<dt>next</dl>", "term definition next")]
    [InlineData("<div><nav>menu</div>after", "after")] // a left-out element ends with its parent
    [InlineData("<p>kept<button>pressed", "kept")] // … or with the document
    [InlineData("<ul><li class=\"snippet-summary\">out<li>in</ul>", "in")] // … or where a browser ends it
    [InlineData("a</span>b</div>c</li>d", "abcd")] // stray end tags are ignored
    [InlineData("a</p>b", "a b")] // … but </p> is an empty paragraph, as in a browser
    [InlineData("<div>a<span>b</div>c", "ab c")]
    [InlineData("<p>text <span class=\"x", "text")] // a tag cut off by the end is dropped
    public void Sloppy_html_ends_elements_where_a_browser_does(string html, string text)
    {
        Assert.Equal(text, Assert.Single(Read(html)).Text);
    }

    [Fact]
    public void Tags_and_attribute_names_are_read_in_any_case()
    {
        var html = "<P>Intro</P><H2 ID=\"Where\">Where <A CLASS=\"heading-anchor\" HREF=\"#Where\">#</A></H2><DIV Class=\"snippet-output\">out</DIV><PRE>code</PRE><P>Text</p>";

        Assert.Equal([new SearchSection("", "", "Intro"), new SearchSection("Where", "Where", "Text")], Read(html));
    }

    [Fact]
    public void Only_h2_and_h3_with_an_id_start_a_section()
    {
        var html = "<p>A</p><h2>No id</h2><p>B</p><h2 id=\"\">Empty id</h2><p>C</p><h4 id=\"four\">Four</h4><p>D</p><h3 id=\"three\">Three</h3><p>E</p>";

        Assert.Equal([new SearchSection("", "", "A No id B Empty id C Four D"), new SearchSection("Three", "three", "E")], Read(html));
    }

    [Fact]
    public void A_heading_is_its_text_without_its_anchor_and_ends_where_a_browser_ends_it()
    {
        var html = "<h2 id=\"one\"><a class=\"heading-anchor\" href=\"#one\">#</a>One <code>two</code><br>three<sup class=\"footnote-back-ref\">↩</sup></h2>"
            + "<p>Text.</p><h2 id=\"a\">Unclosed<h3 id=\"b\">Next</h3><p>More.";

        Assert.Equal(
            [new SearchSection("", "", ""), new SearchSection("One twothree", "one", "Text."), new SearchSection("Unclosed", "a", ""), new SearchSection("Next", "b", "More.")],
            Read(html)); // a heading's text is its DOM text: a <br> in it does not separate words
    }

    [Fact]
    public void Void_elements_have_no_content_and_svg_elements_may_close_themselves()
    {
        var html = "<p>a<br>b<img src=\"x.png\" alt=\"no\">c<br/>d<hr>e</p><svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><text>f</text></svg>g<wbr>h<input value=\"i\">j";

        Assert.Equal("a bc d e fghj", Assert.Single(Read(html)).Text);
    }

    [Fact]
    public void Collapse_makes_each_run_of_white_space_one_space_and_trims()
    {
        Assert.Equal("a b c", PageText.Collapse(" \t a \n\n b\u00A0\u2003c \r\n"));
        Assert.Equal("", PageText.Collapse(" \n "));
        Assert.All(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c), c =>
            Assert.Equal(char.IsWhiteSpace(c) ? "a b" : "a" + c + "b", PageText.Collapse("a" + c + "b"))); // what .NET calls white space
    }

    /// <summary>The scanner's sections, checked against a browser's parser.</summary>
    private static List<SearchSection> Read(string html)
    {
        var sections = PageText.Sections(html);
        Assert.Equal(AngleSharpPageText.Sections(html), sections);
        return sections;
    }
}
