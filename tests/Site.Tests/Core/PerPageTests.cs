using System.Collections.Concurrent;
using Site.Core;

namespace Site.Tests.Core;

/// <summary>Per-page work: every item computed in a build, only the changed ones in a rebuild, results in order either way.</summary>
public sealed class PerPageTests
{
    private readonly ConcurrentBag<string> computed = [];

    private static BuildContext Context(RebuildCache? cache = null) => new()
    {
        Options = new BuildOptions { InputDirectory = "in", OutputDirectory = "out", ThemeDirectory = "theme" },
        Diagnostics = new Diagnostics(),
        Progress = SilentProgress.Instance,
        RebuildCache = cache,
    };

    private string Upper(string item, Diagnostics diagnostics)
    {
        computed.Add(item);
        if (item.StartsWith("bad", StringComparison.Ordinal))
            diagnostics.Error("TEST001", null, $"{item} is bad");
        return item.ToUpperInvariant();
    }

    private string[] Map(string[] items, BuildContext context) =>
        PerPage.Map(items, context.RebuildCache?.Memo<string, string>("test"), item => item[..1], item => item, Upper, context, default);

    [Fact]
    public void Without_a_memo_every_item_is_computed_and_the_results_keep_the_items_order()
    {
        string[] items = [.. Enumerable.Range(0, 500).Select(i => $"{i:D3}")];

        var results = Map(items, Context());

        Assert.Equal(items.Select(i => i.ToUpperInvariant()), results);
        Assert.Equal(500, computed.Count);
    }

    [Fact]
    public void A_rebuild_computes_only_the_items_whose_inputs_changed_and_reports_the_kept_ones_diagnostics_again()
    {
        var cache = new RebuildCache();
        Map(["apple", "bad pear", "cherry"], Context(cache));
        cache.BuildCompleted();
        computed.Clear();

        var context = Context(cache);
        var results = Map(["apple", "bad pear", "cider"], context); // keyed by first letter: "c" changed

        Assert.Equal(["APPLE", "BAD PEAR", "CIDER"], results);
        Assert.Equal(["cider"], computed);
        Assert.Equal("bad pear is bad", Assert.Single(context.Diagnostics.Sorted()).Message);
        Assert.Equal(2, cache.Memo<string, string>("test").Reused);
    }
}
