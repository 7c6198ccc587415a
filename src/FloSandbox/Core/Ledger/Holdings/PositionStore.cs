using Dapper;

namespace FloSandbox.Core.Ledger.Holdings;

/// A tenant's token holdings per (ticker, wallet, chain): what its settled mints delivered. The
/// sandbox mints every token it records here to that wallet on that chain, so the two agree.
public sealed class PositionStore(LedgerDatabase db) : ITenantStateOwner
{
    public sealed record Holding(string Ticker, string Wallet, string Chain, long QuantityMicros);

    public static Task AddAsync(LedgerSession ledger, string tenantId, string ticker, string wallet, string chain, decimal quantity) =>
        ledger.Connection.ExecuteAsync("""
        INSERT INTO positions (tenant_id, ticker, wallet, chain, quantity_micros) VALUES (@tenantId, @ticker, @wallet, @chain, @micros)
        ON CONFLICT (tenant_id, ticker, wallet, chain) DO UPDATE SET quantity_micros = quantity_micros + excluded.quantity_micros
        """, new { tenantId, ticker, wallet, chain, micros = Money.ToMicros(quantity) }, ledger.Transaction);

    /// Takes <paramref name="quantity"/> out of one holding when it holds at least that much; false (and no
    /// change) when it holds less.
    /// A holding's public id, as positions list it: <c>pos_&lt;TICKER&gt;_&lt;lower-case wallet&gt;</c>.
    public static string PositionId(string ticker, string wallet) => $"pos_{ticker}_{wallet.ToLowerInvariant()}";

    public static async Task<bool> TryRemoveAsync(LedgerSession ledger, string tenantId, string ticker, string wallet, string chain, decimal quantity) =>
        await ledger.Connection.ExecuteAsync("""
        UPDATE positions SET quantity_micros = quantity_micros - @micros
        WHERE tenant_id = @tenantId AND ticker = @ticker AND wallet = @wallet AND chain = @chain AND quantity_micros >= @micros
        """, new { tenantId, ticker, wallet, chain, micros = Money.ToMicros(quantity) }, ledger.Transaction) == 1;

    /// What one holding holds (zero when it has no row).
    public static async Task<decimal> HeldAsync(LedgerSession ledger, string tenantId, string ticker, string wallet, string chain) =>
        Money.FromMicros(await ledger.Connection.ExecuteScalarAsync<long?>(
            "SELECT quantity_micros FROM positions WHERE tenant_id = @tenantId AND ticker = @ticker AND wallet = @wallet AND chain = @chain",
            new { tenantId, ticker, wallet, chain }, ledger.Transaction) ?? 0);

    /// One (ticker, wallet) of the tenant per chain, inside the caller's transaction (wallets are stored lower-case).
    public static async Task<IReadOnlyList<Holding>> HoldingsAsync(LedgerSession ledger, string tenantId, string ticker, string wallet) =>
        [.. await ledger.Connection.QueryAsync<Holding>("""
            SELECT ticker AS Ticker, wallet AS Wallet, chain AS Chain, quantity_micros AS QuantityMicros FROM positions
            WHERE tenant_id = @tenantId AND ticker = @ticker AND wallet = @wallet AND quantity_micros > 0
            ORDER BY quantity_micros DESC, chain
            """, new { tenantId, ticker, wallet }, ledger.Transaction)];

    /// Holdings of the tenant, optionally narrowed to a ticker and/or a wallet (wallets are stored lower-case).
    public Task<IReadOnlyList<Holding>> FindAsync(string tenantId, string? ticker, string? wallet, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Holding>>(async ledger => [.. await ledger.Connection.QueryAsync<Holding>("""
            SELECT ticker AS Ticker, wallet AS Wallet, chain AS Chain, quantity_micros AS QuantityMicros FROM positions
            WHERE tenant_id = @tenantId AND (@ticker IS NULL OR ticker = @ticker) AND (@wallet IS NULL OR wallet = @wallet)
              AND quantity_micros > 0
            ORDER BY ticker, wallet, chain
            """, new { tenantId, ticker, wallet })], ct);

    /// Every (ticker, chain, wallet) the ledger has a holding of, summed over the tenants that minted there; emptied
    /// holdings too, whose tokens the chain must not hold either.
    public async Task<IReadOnlyList<(string Ticker, string Chain, string Wallet, long Micros)>> ByWalletAsync(CancellationToken ct) =>
        [.. await db.ReadAsync(ledger => ledger.Connection.QueryAsync<(string Ticker, string Chain, string Wallet, long Micros)>("""
            SELECT ticker, chain, wallet, SUM(quantity_micros) FROM positions GROUP BY ticker, chain, wallet
            """), ct)];

    /// The tenant's supply of a token per chain: its positions summed over wallets.
    public Task<IReadOnlyDictionary<string, decimal>> SupplyByChainAsync(string tenantId, string ticker, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyDictionary<string, decimal>>(async ledger =>
            (await ledger.Connection.QueryAsync<(string Chain, long Micros)>(
                "SELECT chain, SUM(quantity_micros) FROM positions WHERE tenant_id = @tenantId AND ticker = @ticker GROUP BY chain",
                new { tenantId, ticker }))
            .ToDictionary(r => r.Chain, r => Money.FromMicros(r.Micros), StringComparer.Ordinal), ct);

    /// Total supply (all chains and wallets) of each of the given tickers that has any.
    public Task<IReadOnlyDictionary<string, decimal>> SupplyTotalsAsync(string tenantId, IReadOnlyList<string> tickers, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyDictionary<string, decimal>>(async ledger =>
            (await ledger.Connection.QueryAsync<(string Ticker, long Micros)>(
                "SELECT ticker, SUM(quantity_micros) FROM positions WHERE tenant_id = @tenantId AND ticker IN @tickers GROUP BY ticker",
                new { tenantId, tickers }))
            .ToDictionary(r => r.Ticker, r => Money.FromMicros(r.Micros), StringComparer.Ordinal), ct);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM positions WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
