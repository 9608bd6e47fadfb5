using Site.Snippets;
using Site.Snippets.Verifying;

namespace Site.Tests.Snippets.Verifying;

public sealed class OutputMatcherTests
{
    [Theory]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a\nb\n", "a\r\nb  \n\n")] // line endings, trailing whitespace and blank lines don't count
    [InlineData("<object at 0x...>", "<object at 0x7f3a2c>")]
    [InlineData("took ... ms", "took 12.5 ms")]
    [InlineData("first\n...\nlast", "first\nlast")]
    [InlineData("first\n...\nlast", "first\none\ntwo\nlast")]
    [InlineData("...\nlast", "anything\nlast")]
    [InlineData("first\n...", "first")]
    [InlineData("first\n...", "first\nmore\nlines")]
    [InlineData("...", "")]
    [InlineData("...", "x\ny")]
    public void Ellipsis_matches(string expected, string actual) =>
        Assert.True(OutputMatcher.Matches(expected, actual, OutputMatch.Ellipsis));

    [Theory]
    [InlineData("a\nb", "a\nc")]
    [InlineData("a", "a\nb")]
    [InlineData("took ... ms", "took 12\nms")] // "..." inside a line stays on that line
    [InlineData("first\n...\nlast", "first\nlast\nextra")]
    [InlineData("5", "6")]
    [InlineData("a.b", "axb")] // only "..." is special, not regex dots
    public void Ellipsis_rejects(string expected, string actual) =>
        Assert.False(OutputMatcher.Matches(expected, actual, OutputMatch.Ellipsis));

    [Fact]
    public void Exact_mode_treats_dots_as_text()
    {
        Assert.False(OutputMatcher.Matches("took ... ms", "took 12 ms", OutputMatch.Exact));
        Assert.True(OutputMatcher.Matches("took ... ms", "took ... ms", OutputMatch.Exact));
    }

    [Fact]
    public void Regex_mode_matches_each_whole_line()
    {
        Assert.True(OutputMatcher.Matches(@"Python 3\.\d+\.\d+" + "\n" + @"\d+ items", "Python 3.11.2\n42 items", OutputMatch.Regex));
        Assert.False(OutputMatcher.Matches(@"\d+", "42 items", OutputMatch.Regex)); // anchored to the whole line
        Assert.False(OutputMatcher.Matches(@"\d+", "1\n2", OutputMatch.Regex)); // line counts must agree
    }

    [Fact]
    public void Invalid_regex_lines_are_named()
    {
        Assert.Null(OutputMatcher.InvalidRegexLine(@"ok \d+"));
        Assert.Contains("'(unclosed' is not a valid regular expression", OutputMatcher.InvalidRegexLine("fine\n(unclosed"));
    }

    [Fact]
    public void A_unified_diff_shows_removed_and_added_lines_with_context()
    {
        var diff = UnifiedDiff.Create("one\ntwo\nthree\n", "one\n2\nthree\n");

        Assert.Equal("--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three", diff);
    }

    [Fact]
    public void A_diff_against_empty_output_shows_every_expected_line_removed()
    {
        var diff = UnifiedDiff.Create("a\nb", "");

        Assert.Contains("-a\n-b", diff);
        Assert.Contains("@@ -1,2 +0,0 @@", diff);
    }
}
