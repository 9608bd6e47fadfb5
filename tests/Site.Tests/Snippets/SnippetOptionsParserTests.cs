using Site.Snippets;

namespace Site.Tests.Snippets;

public sealed class SnippetOptionsParserTests
{
    private static (SnippetOptions Options, List<string> Errors) Parse(string words)
    {
        var errors = new List<string>();
        var options = SnippetOptionsParser.Parse(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), errors);
        return (options, errors);
    }

    [Fact]
    public void No_options_mean_the_defaults()
    {
        var (options, errors) = Parse("");

        Assert.Empty(errors);
        Assert.Equal(new SnippetOptions(), options);
        Assert.Null(options.Session);
        Assert.False(options.Isolated || options.Hide || options.HideOutput || options.Throws);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(OutputMatch.Ellipsis, options.Match);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var (options, errors) = Parse("session=setup hide hide-output throws=ValueError timeout=2.5 match=regex");

        Assert.Empty(errors);
        Assert.Equal("setup", options.Session);
        Assert.True(options.Hide);
        Assert.True(options.HideOutput);
        Assert.True(options.Throws);
        Assert.Equal("ValueError", options.ThrowsName);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Timeout);
        Assert.Equal(OutputMatch.Regex, options.Match);
    }

    [Fact]
    public void Isolated_and_bare_throws_are_flags()
    {
        var (options, errors) = Parse("isolated throws");

        Assert.Empty(errors);
        Assert.True(options.Isolated);
        Assert.True(options.Throws);
        Assert.Null(options.ThrowsName);
    }

    [Theory]
    [InlineData("match=exact", nameof(OutputMatch.Exact))]
    [InlineData("match=regex", nameof(OutputMatch.Regex))]
    [InlineData("match=ellipsis", nameof(OutputMatch.Ellipsis))]
    public void Match_takes_exact_regex_or_ellipsis(string word, string expectedName)
    {
        var expected = Enum.Parse<OutputMatch>(expectedName);
        var (options, errors) = Parse(word);

        Assert.Empty(errors);
        Assert.Equal(expected, options.Match);
    }

    [Theory]
    [InlineData("timeout=abc", "timeout must be a number of seconds between 0 and 600, not 'abc'")]
    [InlineData("timeout=0", "not '0'")]
    [InlineData("timeout=-1", "not '-1'")]
    [InlineData("timeout=601", "not '601'")]
    [InlineData("timeout", "not ''")]
    public void A_bad_timeout_is_an_error(string word, string message)
    {
        var (options, errors) = Parse(word);

        Assert.Contains(message, Assert.Single(errors));
        Assert.Equal(SnippetOptions.DefaultTimeout, options.Timeout);
    }

    [Fact]
    public void The_longest_timeout_is_accepted()
    {
        var (options, errors) = Parse("timeout=600");

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Timeout);
    }

    [Theory]
    [InlineData("match=fuzzy", "match must be exact, regex or ellipsis, not 'fuzzy'")]
    [InlineData("match=1", "not '1'")]
    [InlineData("match=Exact", "not 'Exact'")]
    [InlineData("match", "not ''")]
    public void A_bad_match_is_an_error(string word, string message)
    {
        var (options, errors) = Parse(word);

        Assert.Contains(message, Assert.Single(errors));
        Assert.Equal(OutputMatch.Ellipsis, options.Match);
    }

    [Theory]
    [InlineData("colour=red", "unknown snippet option 'colour=red'")]
    [InlineData("hidden", "unknown snippet option 'hidden'")]
    [InlineData("session", "'session' needs a value (session=...)")]
    [InlineData("session=", "'session' needs a value (session=...)")]
    [InlineData("hide=yes", "'hide' takes no value")]
    [InlineData("hide-output=1", "'hide-output' takes no value")]
    [InlineData("isolated=true", "'isolated' takes no value")]
    public void Unknown_or_misused_options_are_errors(string word, string message)
    {
        var (_, errors) = Parse(word);

        Assert.Equal(message, Assert.Single(errors).Split(" (session=, ")[0]);
    }

    [Fact]
    public void Isolated_and_a_session_conflict()
    {
        var (_, errors) = Parse("isolated session=setup");

        Assert.Equal("a snippet cannot be both 'isolated' and in 'session=setup'", Assert.Single(errors));
    }

    [Fact]
    public void Every_error_is_reported()
    {
        var (_, errors) = Parse("timeout=x match=y nope");

        Assert.Equal(3, errors.Count);
    }
}
