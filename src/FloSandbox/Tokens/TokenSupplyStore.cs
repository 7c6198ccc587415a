using Dapper;
using FloSandbox.Ledger;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Tokens;

/// How many of each token a tenant has issued, per chain: what mints add and redeems remove.
public sealed class TokenSupplyStore(LedgerDatabase db) : ITenantStateOwner
{
    public Task<IReadOnlyDictionary<string, decimal>> ForTokenAsync(string tenantId, string ticker, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyDictionary<string, decimal>>(async c =>
            (await c.QueryAsync<(string Chain, long Micros)>(
                "SELECT chain, quantity_micros FROM token_supply WHERE tenant_id = @tenantId AND ticker = @ticker", new { tenantId, ticker }))
            .ToDictionary(r => r.Chain, r => Money.FromMicros(r.Micros), StringComparer.Ordinal), ct);

    /// Total supply of each of the given tickers that has any.
    public Task<IReadOnlyDictionary<string, decimal>> TotalsAsync(string tenantId, IReadOnlyList<string> tickers, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyDictionary<string, decimal>>(async c =>
            (await c.QueryAsync<(string Ticker, long Micros)>(
                "SELECT ticker, SUM(quantity_micros) FROM token_supply WHERE tenant_id = @tenantId AND ticker IN @tickers GROUP BY ticker",
                new { tenantId, tickers }))
            .ToDictionary(r => r.Ticker, r => Money.FromMicros(r.Micros), StringComparer.Ordinal), ct);

    /// Adds (or with a negative quantity removes) supply inside the caller's transaction.
    public static Task AddAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, string ticker, string chain, decimal quantity) =>
        c.ExecuteAsync("""
            INSERT INTO token_supply (tenant_id, ticker, chain, quantity_micros) VALUES (@tenantId, @ticker, @chain, @micros)
            ON CONFLICT (tenant_id, ticker, chain) DO UPDATE SET quantity_micros = quantity_micros + excluded.quantity_micros
            """, new { tenantId, ticker, chain, micros = Money.ToMicros(quantity) }, tx);

    public Task ResetTenantAsync(SqliteConnection c, SqliteTransaction tx, string tenantId) =>
        c.ExecuteAsync("DELETE FROM token_supply WHERE tenant_id = @tenantId", new { tenantId }, tx);
}
