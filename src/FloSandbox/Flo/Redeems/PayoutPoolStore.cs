using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Redeems;

/// SQL for the payout pools: a tenant's liquidity per (currency, chain), stored once it differs from the
/// configured default, and the queue of redeems each pool holds (in the order they were created).
public sealed class PayoutPoolStore : ITenantStateOwner
{
    public const string Waiting = "waiting";
    public const string Drawn = "drawn";

    public sealed record Queued(string Id, long ProceedsMicros);

    public sealed record Pool(string Currency, string Chain, long LiquidityMicros);

    /// Set by name: the aggregates have no declared type for a constructor to match when no redeem is held.
    public sealed class Held
    {
        public string Currency { get; init; } = "";
        public string Chain { get; init; } = "";
        public long Count { get; init; }
        public long Micros { get; init; }
    }

    /// What the pool holds; <paramref name="defaultMicros"/> while the tenant never set or drew from it.
    public static async Task<long> LiquidityAsync(LedgerSession ledger, string tenantId, string currency, string chain, long defaultMicros) =>
        await ledger.Connection.ExecuteScalarAsync<long?>(
            "SELECT liquidity_micros FROM redeem_payout_pools WHERE tenant_id = @tenantId AND currency = @currency AND chain = @chain",
            new { tenantId, currency, chain }, ledger.Transaction) ?? defaultMicros;

    public static Task SetAsync(LedgerSession ledger, string tenantId, string currency, string chain, long micros) =>
        ledger.Connection.ExecuteAsync("""
            INSERT INTO redeem_payout_pools (tenant_id, currency, chain, liquidity_micros) VALUES (@tenantId, @currency, @chain, @micros)
            ON CONFLICT (tenant_id, currency, chain) DO UPDATE SET liquidity_micros = excluded.liquidity_micros
            """, new { tenantId, currency, chain, micros }, ledger.Transaction);

    /// The pools of the tenant that have a row (the others hold the default).
    public static async Task<IReadOnlyList<Pool>> PoolsAsync(LedgerSession ledger, string tenantId) =>
        [.. await ledger.Connection.QueryAsync<Pool>(
            "SELECT currency AS Currency, chain AS Chain, liquidity_micros AS LiquidityMicros FROM redeem_payout_pools WHERE tenant_id = @tenantId",
            new { tenantId }, ledger.Transaction)];

    /// Per pool, how many redeems wait for it and what they are owed.
    public static async Task<IReadOnlyList<Held>> HeldAsync(LedgerSession ledger, string tenantId) =>
        [.. await ledger.Connection.QueryAsync<Held>("""
            SELECT payout_currency AS Currency, payout_chain AS Chain, COUNT(*) AS Count, SUM(proceeds_micros) AS Micros
            FROM redeems WHERE tenant_id = @tenantId AND pool_draw = 'waiting' GROUP BY payout_currency, payout_chain
            """, new { tenantId }, ledger.Transaction)];

    /// The redeems waiting for the pool, oldest first.
    public static async Task<IReadOnlyList<Queued>> QueueAsync(LedgerSession ledger, string tenantId, string currency, string chain) =>
        [.. await ledger.Connection.QueryAsync<Queued>("""
            SELECT id AS Id, proceeds_micros AS ProceedsMicros FROM redeems INDEXED BY redeems_pool_waiting
            WHERE tenant_id = @tenantId AND payout_currency = @currency AND payout_chain = @chain AND pool_draw = 'waiting'
            ORDER BY seq
            """, new { tenantId, currency, chain }, ledger.Transaction)];

    /// Puts the redeem in its pool's queue, unless it is there or was drawn for already.
    public static Task EnqueueAsync(LedgerSession ledger, string redeemId) =>
        ledger.Connection.ExecuteAsync("UPDATE redeems SET pool_draw = 'waiting' WHERE id = @redeemId AND pool_draw IS NULL",
            new { redeemId }, ledger.Transaction);

    /// Marks the redeem's proceeds drawn and its payout due at <paramref name="dueMs"/>.
    public static Task MarkDrawnAsync(LedgerSession ledger, string redeemId, long dueMs) =>
        ledger.Connection.ExecuteAsync("UPDATE redeems SET pool_draw = 'drawn', step_due_ms = @dueMs WHERE id = @redeemId",
            new { redeemId, dueMs }, ledger.Transaction);

    public static Task<string?> DrawOfAsync(LedgerSession ledger, string redeemId) =>
        ledger.Connection.ExecuteScalarAsync<string?>("SELECT pool_draw FROM redeems WHERE id = @redeemId", new { redeemId }, ledger.Transaction);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM redeem_payout_pools WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
