using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Tenants;

/// Tenants and their keys in the ledger (keys stored as hashes).
public static class TenantStore
{
    public sealed record KeyRow(string TenantId, string Scope, string KeyHint, string SettlementAddress, long ClockOffsetMs, string CreatedAt);

    public static Task<KeyRow?> FindByKeyHashAsync(LedgerSession ledger, string hash) =>
        ledger.Connection.QuerySingleOrDefaultAsync<KeyRow>("""
            SELECT k.tenant_id AS TenantId, k.scope AS Scope, k.key_hint AS KeyHint, t.settlement_address AS SettlementAddress,
                   t.clock_offset_ms AS ClockOffsetMs, t.created_at AS CreatedAt
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = @hash
            """, new { hash }, ledger.Transaction);

    public static Task<KeyRow> GetByIdAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.QuerySingleAsync<KeyRow>("""
            SELECT id AS TenantId, 'full' AS Scope, '' AS KeyHint, settlement_address AS SettlementAddress,
                   clock_offset_ms AS ClockOffsetMs, created_at AS CreatedAt
            FROM tenants WHERE id = @tenantId
            """, new { tenantId }, ledger.Transaction);

    /// The tenant whose settlement address is <paramref name="address"/> (any spelling of it), if any.
    public static Task<string?> FindBySettlementAddressAsync(LedgerSession ledger, string address) =>
        ledger.Connection.QuerySingleOrDefaultAsync<string?>("SELECT id FROM tenants WHERE lower(settlement_address) = lower(@address) LIMIT 1",
            new { address }, ledger.Transaction);

    public static Task InsertTenantAsync(LedgerSession ledger, Tenant tenant) =>
        ledger.Connection.ExecuteAsync("INSERT INTO tenants (id, settlement_address, clock_offset_ms, created_at) VALUES (@Id, @SettlementAddress, 0, @CreatedAt)",
            new { tenant.Id, tenant.SettlementAddress, CreatedAt = tenant.CreatedAt.ToString("O") }, ledger.Transaction);

    public static Task InsertKeyAsync(LedgerSession ledger, string tenantId, string hash, KeyScope scope, string hint, DateTimeOffset at) =>
        ledger.Connection.ExecuteAsync("INSERT INTO api_keys (key_hash, tenant_id, scope, key_hint, created_at) VALUES (@hash, @tenantId, @scope, @hint, @at)",
            new { hash, tenantId, scope = scope.ToString().ToLowerInvariant(), hint, at = at.ToString("O") }, ledger.Transaction);

    public static Task SetClockOffsetAsync(LedgerSession ledger, string tenantId, TimeSpan offset) =>
        ledger.Connection.ExecuteAsync("UPDATE tenants SET clock_offset_ms = @ms WHERE id = @tenantId",
            new { ms = (long)offset.TotalMilliseconds, tenantId }, ledger.Transaction);
}
