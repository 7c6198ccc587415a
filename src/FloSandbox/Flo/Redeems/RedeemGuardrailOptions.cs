namespace FloSandbox.Flo.Redeems;

/// The redeem guardrails, in the same `Guardrails` section as the mint ones (and on the same block).
public sealed class RedeemGuardrailOptions
{
    public const string Section = "Guardrails";

    /// Redeemed notional (NAV at acceptance × quantity) per tenant per block.
    public decimal RedeemMaxPerBlock { get; set; } = 250_000m;

    public TimeSpan BlockWindow { get; set; } = TimeSpan.FromSeconds(12);

    /// `redeem_cool_down`: the share of a wallet's holding (bps) it may redeem in a trailing day before it cools
    /// down; 0 turns the guardrail off (the default: the docs call it optional). A tenant may set its own.
    public int RedeemCoolDownRatioBps { get; set; }

    /// How long a wallet that went over <see cref="RedeemCoolDownRatioBps"/> may not redeem.
    public TimeSpan RedeemCoolDown { get; set; } = TimeSpan.FromHours(1);
}
