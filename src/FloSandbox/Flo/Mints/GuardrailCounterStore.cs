using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Mints;

/// The mint guardrails' bucketed counters: notional per (wallet, block), per (tenant, block) and per
/// (asset, hour).
public static class GuardrailCounterStore
{
    public static Task<(long Wallet, long Tenant, long Asset)> SumsAsync(
        LedgerSession ledger, string tenantId, string wallet, string ticker, long block, long firstHour, long hour) =>
        ledger.Connection.QuerySingleAsync<(long Wallet, long Tenant, long Asset)>("""
            SELECT COALESCE(SUM(CASE WHEN scope = 'wallet' THEN notional_micros END), 0),
                   COALESCE(SUM(CASE WHEN scope = 'tenant' THEN notional_micros END), 0),
                   COALESCE(SUM(CASE WHEN scope = 'asset' THEN notional_micros END), 0)
            FROM mint_guardrail_counters
            WHERE tenant_id = @tenantId AND ((scope = 'wallet' AND scope_key = @wallet AND bucket_ms = @block)
               OR (scope = 'tenant' AND scope_key = '' AND bucket_ms = @block)
               OR (scope = 'asset' AND scope_key = @ticker AND bucket_ms BETWEEN @firstHour AND @hour))
            """, new { tenantId, wallet, ticker, block, firstHour, hour }, ledger.Transaction);

    /// The oldest hour since <paramref name="firstHour"/> in which the asset has notional counted, if any.
    public static Task<long?> OldestAssetHourAsync(LedgerSession ledger, string tenantId, string ticker, long firstHour) =>
        ledger.Connection.ExecuteScalarAsync<long?>("""
            SELECT MIN(bucket_ms) FROM mint_guardrail_counters
            WHERE tenant_id = @tenantId AND scope = 'asset' AND scope_key = @ticker AND bucket_ms >= @firstHour AND notional_micros > 0
            """, new { tenantId, ticker, firstHour }, ledger.Transaction);

    public static Task AddAsync(LedgerSession ledger, string tenantId, string wallet, string ticker, long block, long hour, long micros) =>
        ledger.Connection.ExecuteAsync("""
            INSERT INTO mint_guardrail_counters (tenant_id, scope, scope_key, bucket_ms, notional_micros)
            VALUES (@tenantId, 'wallet', @wallet, @block, @micros), (@tenantId, 'tenant', '', @block, @micros), (@tenantId, 'asset', @ticker, @hour, @micros)
            ON CONFLICT (tenant_id, scope, scope_key, bucket_ms) DO UPDATE SET notional_micros = notional_micros + excluded.notional_micros
            """, new { tenantId, wallet, ticker, block, hour, micros }, ledger.Transaction);

    public static Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM mint_guardrail_counters WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
