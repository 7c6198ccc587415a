using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Redeems;

/// The redeem guardrail's counters: notional per (tenant, block).
public sealed class RedeemGuardrailStore : ITenantStateOwner
{
    public static Task<long> SumAsync(LedgerSession ledger, string tenantId, long block) =>
        ledger.Connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(notional_micros), 0) FROM redeem_guardrail_counters WHERE tenant_id = @tenantId AND bucket_ms = @block",
            new { tenantId, block }, ledger.Transaction);

    public static Task AddAsync(LedgerSession ledger, string tenantId, long block, long micros) =>
        ledger.Connection.ExecuteAsync("""
            INSERT INTO redeem_guardrail_counters (tenant_id, bucket_ms, notional_micros) VALUES (@tenantId, @block, @micros)
            ON CONFLICT (tenant_id, bucket_ms) DO UPDATE SET notional_micros = notional_micros + excluded.notional_micros
            """, new { tenantId, block, micros }, ledger.Transaction);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM redeem_guardrail_counters WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
