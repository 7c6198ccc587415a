namespace FloSandbox.Flo.Mints;

/// The sandbox's per-block circuit breakers (the docs name the categories; the thresholds are ours).
/// A "block" is a window of the tenant's clock, 12 s long by default.
public sealed class GuardrailOptions
{
    public const string Section = "Guardrails";

    public decimal MintMinPerTx { get; set; } = 10m;
    public decimal MintMaxNotionalPerAddressPerBlock { get; set; } = 250_000m;
    public decimal MintMaxTotalPerBlock { get; set; } = 1_000_000m;
    public decimal MintDailyNotionalPerAsset { get; set; } = 5_000_000m;
    public TimeSpan BlockWindow { get; set; } = TimeSpan.FromSeconds(12);
}
