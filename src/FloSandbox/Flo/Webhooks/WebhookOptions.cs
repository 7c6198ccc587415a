using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// `Webhooks:*` configuration.
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// How long a receiver has to answer (headers and body) before the attempt counts as failed.
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// Attempts sent concurrently, across all tenants; one subscription never has two in flight.
    public int Workers { get; set; } = 16;

    /// Workers one tenant's attempts may occupy at once, so that its hanging receivers leave the rest to
    /// other tenants. Unset: a quarter of <see cref="Workers"/>, at least one.
    public int? MaxWorkersPerTenant { get; set; }

    /// Claimed attempts waiting to be sent, at most; more stay in the ledger until there is room. One tenant
    /// holds at most a quarter of it (at least one), so its backlog cannot keep other tenants' attempts unclaimed.
    public int QueueCapacity { get; set; } = 1024;

    internal int WorkersPerTenant => MaxWorkersPerTenant ?? Math.Max(1, Workers / 4);

    internal int QueuedPerTenant => Math.Max(1, QueueCapacity / 4);

    /// How long a claimed attempt is reserved for this process before another claim may take it.
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// How often the outbox is read when nothing signals new events.
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// Spreads each retry uniformly between the previous slot and its documented slot. Off by default
    /// so retry times are exact and tests deterministic.
    public bool Jitter { get; set; }

    /// How much of a receiver's response body is kept in the attempt log. None by default: on a shared
    /// sandbox the log would otherwise let any tenant read what a loopback or private-network HTTP service
    /// answers. A single-user sandbox can turn it on to see its receiver's error messages.
    public int MaxResponseBodyBytes { get; set; }

    public string UserAgent { get; set; } = "Flo-Webhooks/1.0 (FloSandbox)";

    internal string? Problem() =>
        AttemptTimeout <= TimeSpan.Zero ? "Webhooks:AttemptTimeout must be positive."
            : Workers is < 1 or > 1024 ? "Webhooks:Workers must be 1–1024."
            : MaxWorkersPerTenant is { } perTenant && (perTenant < 1 || perTenant > Workers)
                ? $"Webhooks:MaxWorkersPerTenant must be 1–Webhooks:Workers ({Workers}); leave it unset for a quarter of the workers."
            : QueueCapacity < 1 ? "Webhooks:QueueCapacity must be positive."
            : ClaimLease <= AttemptTimeout ? "Webhooks:ClaimLease must be longer than Webhooks:AttemptTimeout."
            : OutboxPollInterval <= TimeSpan.Zero ? "Webhooks:OutboxPollInterval must be positive."
            : MaxResponseBodyBytes < 0 ? "Webhooks:MaxResponseBodyBytes must not be negative."
            : string.IsNullOrWhiteSpace(UserAgent) ? "Webhooks:UserAgent must not be empty."
            : null;
}

/// Fails start-up with the precise reason when `Webhooks:*` is out of range.
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Problem() is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
