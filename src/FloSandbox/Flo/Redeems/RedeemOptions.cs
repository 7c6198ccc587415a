namespace FloSandbox.Flo.Redeems;

public sealed class RedeemOptions
{
    public const string Section = "Redeems";

    /// How long `POST /v1/redeem` waits for the steps it started (burn, fill, payout) before answering with
    /// the redeem as it stands; the steps go on either way. Raising a payout pool waits as long for the
    /// payouts it releases.
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(5);

    /// What each of a tenant's payout pools (one per currency and chain) holds until the tenant sets it.
    public decimal PayoutPoolLiquidity { get; set; } = 10_000_000m;

    /// How often, on the tenant clock, a redeem its pool cannot cover yet looks at the pool again; raising the
    /// pool through the sandbox route releases it at once.
    public TimeSpan PayoutPoolRecheck { get; set; } = TimeSpan.FromMinutes(1);
}
