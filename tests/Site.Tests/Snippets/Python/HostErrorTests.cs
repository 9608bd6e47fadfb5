using System.Text;
using System.Text.Json;
using Site.Snippets.Engines.Python;

namespace Site.Tests.Snippets.Python;

/// <summary>Reading the JSON of a snippet's error from snippet_host.run() (the engine tests cover replies from the real host).</summary>
public sealed class HostErrorTests
{
    private static HostError Parse(string json) => HostError.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_error_has_its_name_message_trace_and_types()
    {
        var error = Parse("""{"name": "KeyError", "message": "'x' \u00e9 ✓", "trace": "Traceback\n", "types": ["KeyError", "LookupError"]}""");

        Assert.Equal(("KeyError", "'x' é ✓", "Traceback\n", false), (error.Name, error.Message, error.Trace, error.Timeout));
        Assert.Equal<string>(["KeyError", "LookupError"], error.Types!.Value);
    }

    [Fact]
    public void A_timeout_has_only_its_trace()
    {
        var error = Parse("""{"timeout": true, "trace": ""}""");

        Assert.True(error.Timeout);
        Assert.Equal("", error.Trace);
        Assert.Null(error.Name);
        Assert.Null(error.Types);
    }

    [Fact]
    public void Unknown_properties_are_skipped()
    {
        var error = Parse("""{"extra": {"deep": [1, {"x": null}]}, "name": "E", "other": 1}""");

        Assert.Equal("E", error.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"name": "E""")]
    [InlineData("""{"types": {"a": 1}}""")]
    [InlineData("""{"name": "E"} {}""")]
    public void A_broken_error_is_a_json_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));
}
