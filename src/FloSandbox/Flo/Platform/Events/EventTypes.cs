namespace FloSandbox.Flo.Platform.Events;

/// The docs' full event catalog. Features not built yet simply don't emit theirs yet.
public static class EventTypes
{
    public const string MintQueued = "mint.queued";
    public const string MintFilled = "mint.filled";
    public const string MintSettled = "mint.settled";
    public const string MintFailed = "mint.failed";
    public const string MintContractDeployed = "mint.contract_deployed";

    public static readonly IReadOnlyList<string> All =
    [
        MintQueued, MintFilled, MintSettled, MintFailed, MintContractDeployed,
        "redeem.queued", "redeem.filled", "redeem.settled", "redeem.failed",
        "borrow.funded", "borrow.health_low", "borrow.repaid", "borrow.liquidated",
        "bridge.queued", "bridge.sent", "bridge.delivered", "bridge.reverted",
        "position.nav_updated", "position.yield_accrued",
        "fee.accrued", "fee.settled",
        "customer.attestation_expiring", "customer.attestation_expired",
    ];

    public static readonly IReadOnlyList<string> Families = [.. All.Select(t => t[..t.IndexOf('.')]).Distinct()];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
