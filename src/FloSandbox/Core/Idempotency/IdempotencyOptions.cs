namespace FloSandbox.Core.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// How long a key is remembered, on the tenant's sandbox clock.
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(24);

    public int MaxKeyBytes { get; set; } = 128;
}
