using System.Text;
using System.Text.Json;
using Site.Snippets.Engines;
using Site.Snippets.Engines.Python;

namespace Site.Tests.Snippets.Python;

/// <summary>Reading snippet_host.run()'s JSON reply (the engine tests cover replies from the real host).</summary>
public sealed class HostReplyTests
{
    private static HostReply Parse(string json) => HostReply.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Output_chunks_keep_their_stream_order_and_escaped_text()
    {
        var reply = Parse("""{"output": [{"stream": 0, "text": "a\n\"b\" \u00e9 ✓"}, {"stream": 1, "text": "\\err\t"}], "truncated": true, "error": null}""");

        Assert.Equal<OutputChunk>([new(OutputStream.Stdout, "a\n\"b\" é ✓"), new(OutputStream.Stderr, "\\err\t")], reply.Output);
        Assert.True(reply.Truncated);
        Assert.Null(reply.Error);
    }

    [Fact]
    public void An_error_has_its_name_message_trace_and_types()
    {
        var reply = Parse("""{"output": [], "truncated": false, "error": {"name": "KeyError", "message": "'x'", "trace": "Traceback\n", "types": ["KeyError", "LookupError"]}}""");

        var error = Assert.IsType<HostError>(reply.Error);
        Assert.Equal(("KeyError", "'x'", "Traceback\n", false), (error.Name, error.Message, error.Trace, error.Timeout));
        Assert.Equal<string>(["KeyError", "LookupError"], error.Types!.Value);
        Assert.Empty(reply.Output);
    }

    [Fact]
    public void A_timeout_has_only_its_trace()
    {
        var reply = Parse("""{"output": [{"stream": 0, "text": "so far"}], "truncated": false, "error": {"timeout": true, "trace": ""}}""");

        var error = Assert.IsType<HostError>(reply.Error);
        Assert.True(error.Timeout);
        Assert.Equal("", error.Trace);
        Assert.Null(error.Name);
        Assert.Null(error.Types);
    }

    [Fact]
    public void Unknown_properties_are_skipped()
    {
        var reply = Parse("""{"extra": {"deep": [1, {"x": null}]}, "output": [{"text": "t", "more": [true], "stream": 1}], "error": {"name": "E", "other": 1}}""");

        Assert.Equal<OutputChunk>([new(OutputStream.Stderr, "t")], reply.Output);
        Assert.Equal("E", reply.Error?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"output": [{"stream": 0, "text": "a"}""")]
    [InlineData("""{"output": {"stream": 0}}""")]
    public void A_broken_reply_is_a_json_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));
}
