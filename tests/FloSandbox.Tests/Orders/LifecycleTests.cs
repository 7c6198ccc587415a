using FloSandbox.Core.Orders;
using FloSandbox.Flo.Mints;

namespace FloSandbox.Tests.Orders;

public sealed class LifecycleTests
{
    private static readonly (MintStatus From, MintStatus To)[] MintMoves =
    [
        (MintStatus.Queued, MintStatus.Filled), (MintStatus.Queued, MintStatus.Failed),
        (MintStatus.Filled, MintStatus.Settled), (MintStatus.Filled, MintStatus.Failed),
    ];

    public static TheoryData<MintStatus, MintStatus> EveryPair()
    {
        var pairs = new TheoryData<MintStatus, MintStatus>();
        foreach (var from in Enum.GetValues<MintStatus>())
        {
            foreach (var to in Enum.GetValues<MintStatus>())
            {
                pairs.Add(from, to);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_Mint_Makes_Only_The_Documented_Moves(MintStatus from, MintStatus to)
    {
        if (MintMoves.Contains((from, to)))
        {
            Assert.Equal(to, MintLifecycle.Table.Move(from, to));
        }
        else
        {
            var refused = Assert.Throws<IllegalTransitionException>(() => MintLifecycle.Table.Move(from, to));
            Assert.Contains($"from {from} to {to}", refused.Message);
        }
    }

    [Fact]
    public void Settled_And_Failed_Are_Terminal()
    {
        Assert.True(MintLifecycle.Table.IsTerminal(MintStatus.Settled));
        Assert.True(MintLifecycle.Table.IsTerminal(MintStatus.Failed));
        Assert.False(MintLifecycle.Table.IsTerminal(MintStatus.Queued));
        Assert.False(MintLifecycle.Table.IsTerminal(MintStatus.Filled));
    }

    [Fact]
    public void A_Stored_Pending_Mint_Of_An_Earlier_Version_Is_A_Filled_One()
    {
        Assert.Equal(MintStatus.Filled, MintLifecycle.Parse("pending"));
        Assert.Equal(MintStatus.Settled, MintLifecycle.Parse("settled"));
    }
}
