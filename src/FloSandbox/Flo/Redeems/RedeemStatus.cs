using FloSandbox.Core.Orders;

namespace FloSandbox.Flo.Redeems;

/// Where a redeem stands: queued (burn accepted, the broker's offset pending), filled (the broker offset
/// the underlying; the payout is on its way), settled (the stablecoins landed on chain) or failed (the
/// broker rejected the offset or the burn was refused; the tokens are restored to the holder).
public enum RedeemStatus
{
    Queued,
    Filled,
    Settled,
    Failed,
}

public static class RedeemLifecycle
{
    /// The only moves a redeem makes. Once filled the underlying is sold, so the payout goes on until it lands.
    public static readonly Lifecycle<RedeemStatus> Table = new("redeem", new Dictionary<RedeemStatus, RedeemStatus[]>
    {
        [RedeemStatus.Queued] = [RedeemStatus.Filled, RedeemStatus.Failed],
        [RedeemStatus.Filled] = [RedeemStatus.Settled],
        [RedeemStatus.Settled] = [],
        [RedeemStatus.Failed] = [],
    });

    public static readonly IReadOnlyList<string> WireNames = [.. Enum.GetValues<RedeemStatus>().Select(s => s.Wire())];

    /// The status as the API spells it.
    public static string Wire(this RedeemStatus status) => status.ToString().ToLowerInvariant();

    public static RedeemStatus Parse(string status) => Enum.Parse<RedeemStatus>(status, ignoreCase: true);
}
