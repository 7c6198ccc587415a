namespace FloSandbox.Flo.Platform.Events;

/// The docs' full event catalog. Features not built yet simply don't emit theirs yet.
public static class EventTypes
{
    public const string MintQueued = "mint.queued";
    public const string MintFilled = "mint.filled";
    public const string MintSettled = "mint.settled";
    public const string MintFailed = "mint.failed";
    public const string MintContractDeployed = "mint.contract_deployed";
    public const string RedeemQueued = "redeem.queued";
    public const string RedeemFilled = "redeem.filled";
    public const string RedeemSettled = "redeem.settled";
    public const string RedeemFailed = "redeem.failed";
    public const string FeeAccrued = "fee.accrued";

    public static readonly IReadOnlyList<string> All =
    [
        MintQueued, MintFilled, MintSettled, MintFailed, MintContractDeployed,
        RedeemQueued, RedeemFilled, RedeemSettled, RedeemFailed,
        "borrow.funded", "borrow.health_low", "borrow.repaid", "borrow.liquidated",
        "bridge.queued", "bridge.sent", "bridge.delivered", "bridge.reverted",
        "position.nav_updated", "position.yield_accrued",
        FeeAccrued, "fee.settled",
        "customer.attestation_expiring", "customer.attestation_expired",
    ];

    public static readonly IReadOnlyList<string> Families = [.. All.Select(t => t[..t.IndexOf('.')]).Distinct()];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
