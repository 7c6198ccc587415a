using FloSandbox.Core.Orders;
using FloSandbox.Flo.Bridges;

namespace FloSandbox.Tests.Orders;

public sealed class BridgeLifecycleTests
{
    private static readonly (BridgeStatus From, BridgeStatus To)[] Moves =
    [
        (BridgeStatus.Queued, BridgeStatus.Sent), (BridgeStatus.Queued, BridgeStatus.Reverted), (BridgeStatus.Sent, BridgeStatus.Delivered),
    ];

    public static TheoryData<BridgeStatus, BridgeStatus> EveryPair()
    {
        var pairs = new TheoryData<BridgeStatus, BridgeStatus>();
        foreach (var from in Enum.GetValues<BridgeStatus>())
        {
            foreach (var to in Enum.GetValues<BridgeStatus>())
            {
                pairs.Add(from, to);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_Bridge_Makes_Only_The_Documented_Moves(BridgeStatus from, BridgeStatus to)
    {
        if (Moves.Contains((from, to)))
        {
            Assert.Equal(to, BridgeLifecycle.Table.Move(from, to));
        }
        else
        {
            var refused = Assert.Throws<IllegalTransitionException>(() => BridgeLifecycle.Table.Move(from, to));
            Assert.Contains($"A bridge cannot go from {from} to {to}", refused.Message);
        }
    }

    [Fact]
    public void Delivered_And_Reverted_Are_Terminal()
    {
        Assert.True(BridgeLifecycle.Table.IsTerminal(BridgeStatus.Delivered));
        Assert.True(BridgeLifecycle.Table.IsTerminal(BridgeStatus.Reverted));
        Assert.False(BridgeLifecycle.Table.IsTerminal(BridgeStatus.Queued));
        Assert.False(BridgeLifecycle.Table.IsTerminal(BridgeStatus.Sent));
    }

    [Fact]
    public void The_Quorum_Is_The_Third_Attestation_Inside_Ten_Minutes()
    {
        Assert.Equal(12_000, Dvns.Plan("base", "arbitrum", DvnSettings.Default).QuorumOffsetMs);
        Assert.Equal(35_000, Dvns.Plan("base", "ethereum", DvnSettings.Default).QuorumOffsetMs);
        var twoWithheld = new DvnSettings(new HashSet<string> { "Google Cloud", "Polyhedra" }, new Dictionary<string, int>());
        Assert.Null(Dvns.Plan("base", "arbitrum", twoWithheld).QuorumOffsetMs);
        var late = new DvnSettings(new HashSet<string> { "Polyhedra" }, new Dictionary<string, int> { ["Nethermind"] = 600 });
        Assert.Null(Dvns.Plan("arbitrum", "base", late).QuorumOffsetMs);
        var plan = Dvns.Plan("ethereum", "base", late);
        Assert.Equal(plan.OffsetsMs, DvnPlan.Parse(plan.Serialize()).OffsetsMs);
    }
}
