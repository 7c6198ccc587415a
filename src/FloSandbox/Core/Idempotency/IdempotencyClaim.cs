using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Idempotency;

/// A request's idempotency key, ready to be claimed by the order the request accepts, in the same
/// transaction as the order, its debit and its events: retries then find the order whatever happened
/// after that commit.
public sealed record IdempotencyClaim(string TenantId, string Key, string Fingerprint, string RequestId, DateTimeOffset Now, TimeSpan Ttl)
{
    /// What the key was claimed for, once claimed.
    public string? Resource { get; private set; }

    /// <paramref name="resource"/> is `kind:id`, e.g. `mint:mnt_…`.
    public Task RecordAsync(LedgerSession ledger, string resource)
    {
        Resource = resource;
        return IdempotencyStore.ClaimAsync(ledger, this, resource);
    }
}
