using FloSandbox.Core.Orders;
using FloSandbox.Flo.Redeems;

namespace FloSandbox.Tests.Orders;

public sealed class RedeemLifecycleTests
{
    private static readonly (RedeemStatus From, RedeemStatus To)[] RedeemMoves =
    [
        (RedeemStatus.Queued, RedeemStatus.Filled), (RedeemStatus.Queued, RedeemStatus.Failed),
        (RedeemStatus.Filled, RedeemStatus.Settled),
    ];

    public static TheoryData<RedeemStatus, RedeemStatus> EveryPair()
    {
        var pairs = new TheoryData<RedeemStatus, RedeemStatus>();
        foreach (var from in Enum.GetValues<RedeemStatus>())
        {
            foreach (var to in Enum.GetValues<RedeemStatus>())
            {
                pairs.Add(from, to);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_Redeem_Makes_Only_The_Documented_Moves(RedeemStatus from, RedeemStatus to)
    {
        if (RedeemMoves.Contains((from, to)))
        {
            Assert.Equal(to, RedeemLifecycle.Table.Move(from, to));
        }
        else
        {
            var refused = Assert.Throws<IllegalTransitionException>(() => RedeemLifecycle.Table.Move(from, to));
            Assert.Contains($"A redeem cannot go from {from} to {to}", refused.Message);
        }
    }

    [Fact]
    public void Settled_And_Failed_Are_Terminal()
    {
        Assert.True(RedeemLifecycle.Table.IsTerminal(RedeemStatus.Settled));
        Assert.True(RedeemLifecycle.Table.IsTerminal(RedeemStatus.Failed));
        Assert.False(RedeemLifecycle.Table.IsTerminal(RedeemStatus.Queued));
        Assert.False(RedeemLifecycle.Table.IsTerminal(RedeemStatus.Filled));
    }

    [Fact]
    public void Wire_Names_Are_The_Lower_Case_Statuses()
    {
        Assert.Equal(["queued", "filled", "settled", "failed"], RedeemLifecycle.WireNames);
        Assert.Equal(RedeemStatus.Filled, RedeemLifecycle.Parse("filled"));
    }
}
