using Dapper;
using FloSandbox.Ledger;
using FloSandbox.Platform.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FloSandbox.Mints;

/// Checks a mint against the guardrails inside the transaction that would accept it, counting the
/// tenant's accepted (not failed) mints, so concurrent mints cannot slip past a limit together.
public sealed class MintGuardrails(IOptions<GuardrailOptions> options)
{
    public async Task CheckAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, MintOrder order, decimal notional, DateTimeOffset now)
    {
        var o = options.Value;
        if (notional < o.MintMinPerTx)
        {
            throw Breach("mint_min_per_tx", o.MintMinPerTx, notional, 0, $"Notional {Money.Usd(notional)} USDC is below mint_min_per_tx.");
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var windowMs = (long)o.BlockWindow.TotalMilliseconds;
        var blockStart = nowMs / windowMs * windowMs;
        var untilNextBlock = (int)Math.Ceiling((blockStart + windowMs - nowMs) / 1000.0);

        var perAddress = notional + await SumAsync(c, tx, tenantId, blockStart, "AND wallet = @Wallet", order);
        if (perAddress > o.MintMaxNotionalPerAddressPerBlock)
        {
            throw Breach("mint_max_notional_per_address_per_block", o.MintMaxNotionalPerAddressPerBlock, perAddress, untilNextBlock,
                $"Your address exceeded mint_max_notional_per_address_per_block in the current block.");
        }
        var total = notional + await SumAsync(c, tx, tenantId, blockStart, "", order);
        if (total > o.MintMaxTotalPerBlock)
        {
            throw Breach("mint_max_total_per_block", o.MintMaxTotalPerBlock, total, untilNextBlock,
                "Mints in the current block exceeded mint_max_total_per_block.");
        }
        var dayStart = nowMs - (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var daily = notional + await SumAsync(c, tx, tenantId, dayStart, "AND asset = @Asset", order);
        if (daily > o.MintDailyNotionalPerAsset)
        {
            var oldest = await c.ExecuteScalarAsync<long?>("""
                SELECT MIN(created_ms) FROM mints WHERE tenant_id = @tenantId AND asset = @Asset AND status != 'failed' AND created_ms >= @dayStart
                """, new { tenantId, Asset = order.Token.Ticker, dayStart }, tx) ?? nowMs;
            throw Breach("mint_daily_notional_per_asset", o.MintDailyNotionalPerAsset, daily, (int)Math.Ceiling((oldest - dayStart) / 1000.0),
                $"Mints of {order.Token.Ticker} in the last 24 hours exceeded mint_daily_notional_per_asset.");
        }
    }

    /// Notional of the tenant's accepted mints since <paramref name="fromMs"/>, narrowed by <paramref name="filter"/>.
    private static async Task<decimal> SumAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, long fromMs, string filter, MintOrder order) =>
        Money.FromMicros(await c.ExecuteScalarAsync<long>($"""
            SELECT COALESCE(SUM(notional_micros), 0) FROM mints
            WHERE tenant_id = @tenantId AND status != 'failed' AND created_ms >= @fromMs {filter}
            """, new { tenantId, fromMs, order.Wallet, Asset = order.Token.Ticker }, tx));

    private static FloException Breach(string limit, decimal limitValue, decimal current, int retryAfter, string detail) =>
        FloError.Of(FloErrorCatalog.GuardrailTriggered, detail,
            ("limit", limit), ("limit_value", Money.Usd(limitValue)), ("current_value", Money.Usd(current)),
            ("retry_after_seconds", retryAfter)).ToException();
}
