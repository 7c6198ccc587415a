namespace FloSandbox.Flo.Redeems;

/// The redeem circuit breaker, in the same `Guardrails` section as the mint ones (and on the same block).
public sealed class RedeemGuardrailOptions
{
    public const string Section = "Guardrails";

    /// Redeemed notional (NAV at acceptance × quantity) per tenant per block.
    public decimal RedeemMaxPerBlock { get; set; } = 250_000m;

    public TimeSpan BlockWindow { get; set; } = TimeSpan.FromSeconds(12);
}
