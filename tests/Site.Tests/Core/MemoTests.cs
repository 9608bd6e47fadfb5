using Site.Core;

namespace Site.Tests.Core;

public sealed class MemoTests
{
    private readonly Memo<string, int> memo = new("test");

    [Fact]
    public void A_sweep_forgets_the_keys_the_build_did_not_use_and_keeps_the_others()
    {
        memo.Set("a", "inputs a", 1);
        memo.Set("b", "inputs b", 2);
        memo.Sweep();

        Assert.True(memo.TryGet("a", "inputs a", out _)); // b is not used by this build (its page was deleted)
        memo.Sweep();

        Assert.True(memo.TryGet("a", "inputs a", out var a));
        Assert.Equal(1, a);
        Assert.False(memo.TryGet("b", "inputs b", out _));
    }

    [Fact]
    public void A_key_used_twice_in_one_build_counts_once()
    {
        memo.Set("a", "inputs a", 1);
        memo.Set("b", "inputs b", 2);
        memo.Sweep();

        // a is computed again (new inputs), then read twice; b is left out: the sweep must still see it unused.
        Assert.False(memo.TryGet("a", "new inputs", out _));
        memo.Set("a", "new inputs", 3);
        Assert.True(memo.TryGet("a", "new inputs", out _));
        Assert.True(memo.TryGet("a", "new inputs", out _));
        memo.Sweep();

        Assert.False(memo.TryGet("b", "inputs b", out _));
        Assert.True(memo.TryGet("a", "new inputs", out var a));
        Assert.Equal(3, a);
    }
}
