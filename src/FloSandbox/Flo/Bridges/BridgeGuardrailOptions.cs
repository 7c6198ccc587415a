namespace FloSandbox.Flo.Bridges;

/// The sandbox's bridge circuit breakers (the docs name them; the thresholds are ours), in USD of notional
/// at the tenant's price. A "block" is the same window of the tenant's clock as the mint guardrails'.
public sealed class BridgeGuardrailOptions
{
    public const string Section = "Guardrails";

    public decimal BridgeMinAmountPerTx { get; set; } = 10m;
    public decimal BridgeMaxAmountPerTx { get; set; } = 500_000m;
    public decimal BridgeMaxTotalPerBlock { get; set; } = 1_000_000m;
    public TimeSpan BlockWindow { get; set; } = TimeSpan.FromSeconds(12);
}
