using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Idempotency;

/// Stored first responses, per tenant and key, expiring on the tenant's clock. A request that accepts an
/// order claims its key in the order's own transaction (<see cref="ClaimAsync"/>): the key then names the
/// order even if no response was ever stored (the client hung up, the process died).
public sealed class IdempotencyStore(LedgerDatabase db) : ITenantStateOwner
{
    public sealed record StoredResponse(string Fingerprint, string RequestId, long StatusCode, string? ContentType, string? Location, byte[] Body,
        string? Resource = null)
    {
        /// Claimed by an accepted order, no response stored yet.
        public bool IsClaim => StatusCode == 0;
    }

    public Task<StoredResponse?> FindAsync(string tenantId, string key, DateTimeOffset now, CancellationToken ct) =>
        db.ReadAsync(ledger => ledger.Connection.QuerySingleOrDefaultAsync<StoredResponse>("""
            SELECT fingerprint AS Fingerprint, request_id AS RequestId, status_code AS StatusCode, content_type AS ContentType,
                   location AS Location, body AS Body, resource AS Resource
            FROM idempotency_keys WHERE tenant_id = @tenantId AND idem_key = @key AND expires_at_ms > @nowMs
            """, new { tenantId, key, nowMs = now.ToUnixTimeMilliseconds() }), ct);

    public Task SaveAsync(string tenantId, string key, StoredResponse response, DateTimeOffset now, TimeSpan ttl, CancellationToken ct) =>
        db.WriteAsync(ledger => ledger.Connection.ExecuteAsync("""
            INSERT OR REPLACE INTO idempotency_keys
                (tenant_id, idem_key, fingerprint, request_id, status_code, content_type, location, body, resource, created_at, expires_at_ms)
            VALUES (@tenantId, @key, @Fingerprint, @RequestId, @StatusCode, @ContentType, @Location, @Body, @Resource, @createdAt, @expiresAtMs)
            """, new
            {
                tenantId, key, response.Fingerprint, response.RequestId, response.StatusCode, response.ContentType, response.Location,
                response.Body, response.Resource, createdAt = now.ToString("O"), expiresAtMs = (now + ttl).ToUnixTimeMilliseconds(),
            }, ledger.Transaction), ct);

    /// Claims the key for <paramref name="resource"/> inside the transaction that accepts it.
    public static Task ClaimAsync(LedgerSession ledger, IdempotencyClaim claim, string resource) =>
        ledger.Connection.ExecuteAsync("""
            INSERT INTO idempotency_keys
                (tenant_id, idem_key, fingerprint, request_id, status_code, content_type, location, body, resource, created_at, expires_at_ms)
            VALUES (@TenantId, @Key, @Fingerprint, @RequestId, 0, NULL, NULL, x'', @resource, @createdAt, @expiresAtMs)
            """, new
            {
                claim.TenantId, claim.Key, claim.Fingerprint, claim.RequestId, resource, createdAt = claim.Now.ToString("O"),
                expiresAtMs = (claim.Now + claim.Ttl).ToUnixTimeMilliseconds(),
            }, ledger.Transaction);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
