using Site.Snippets.Engines.Node;
using Site.Tests.Support;

namespace Site.Tests.Snippets.Node;

/// <summary>These tests change SITE_NODE, which is process-wide: they run alone.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class NodeUnavailableTests
{
    [Fact]
    public async Task A_missing_node_executable_is_a_NodeUnavailableException_saying_what_to_do()
    {
        using var temp = new TempFolder();
        using var _ = new EnvironmentVariable("SITE_NODE", temp["no-such-node"]);

        var e = await Assert.ThrowsAsync<NodeUnavailableException>(() => NodeEngine.StartAsync());

        Assert.Contains(temp["no-such-node"], e.Message);
        Assert.Contains("install Node.js", e.Message);
        Assert.Contains("set SITE_NODE", e.Message);
    }

    [Fact]
    public async Task A_node_that_is_not_node_is_a_NodeUnavailableException_too()
    {
        using var _ = new EnvironmentVariable("SITE_NODE", "/bin/false");

        var e = await Assert.ThrowsAsync<NodeUnavailableException>(() => NodeEngine.StartAsync());

        Assert.Contains("did not start", e.Message);
        Assert.Contains("set SITE_NODE", e.Message);
    }
}
