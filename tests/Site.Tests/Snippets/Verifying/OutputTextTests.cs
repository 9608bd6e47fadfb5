using Site.Snippets.Engines;
using Site.Snippets.Verifying;

namespace Site.Tests.Snippets.Verifying;

/// <summary>Normalising is done in one pass over a pooled buffer; it must give what splitting, trimming and joining gave.</summary>
public sealed class OutputTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("6\n")]
    [InlineData("a\nb")]
    [InlineData("a\r\nb  \n\n")]
    [InlineData("\n\n\n")]
    [InlineData("  \t\n")]
    [InlineData("a\r\r\nb\rc\r")]
    [InlineData("\r\n")]
    [InlineData("x \u0085\ny\u2028 \n\u00a0")] // Unicode whitespace is trimmed too
    [InlineData("  lead stays\n\n  \nend\t")]
    public void Normalize_gives_what_split_trim_and_join_gave(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var expected = string.Join('\n', lines.Select(line => line.TrimEnd())).TrimEnd('\n');

        Assert.Equal(expected, OutputText.Normalize(text));
        Assert.True(OutputText.NormalEquals(text, expected));
        Assert.True(OutputText.NormalEquals(expected + "\r\n \n", text));
        Assert.False(OutputText.NormalEquals(text, expected + "."));
        Assert.False(OutputText.NormalEquals("." + text, expected));
    }

    [Fact]
    public void Normalized_text_comes_back_as_it_is()
    {
        var text = "a\n\nb c";

        Assert.Same(text, OutputText.Normalize(text));
    }

    [Fact]
    public void Display_text_is_the_output_then_the_trace()
    {
        var error = new RunError(RunErrorKind.Exception, "ValueError", "bad", "Traceback\nValueError: bad\n", ["ValueError"]);
        RunResult[] results =
        [
            new(),
            new() { Output = [new(OutputStream.Stdout, "one\n")] },
            new() { Output = [new(OutputStream.Stdout, "one\n"), new(OutputStream.Stderr, "two\n"), new(OutputStream.Stdout, "")] },
            new() { Output = [new(OutputStream.Stdout, "one\n")], Error = error },
            new() { Error = error },
            new() { Output = [new(OutputStream.Stdout, "one\n")], Error = error with { Trace = "" } },
        ];

        Assert.Equal(["", "one\n", "one\ntwo\n", "one\nTraceback\nValueError: bad\n", "Traceback\nValueError: bad\n", "one\n"],
            results.Select(result => result.DisplayText));
        Assert.All(results, result => Assert.Equal(string.Concat(result.Display.Select(chunk => chunk.Text)), result.DisplayText));
    }
}
