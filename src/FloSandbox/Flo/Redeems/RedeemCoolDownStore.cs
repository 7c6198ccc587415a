using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Redeems;

/// SQL for `redeem_cool_down`: the tenant's own setting, the wallets cooling down, and what a holder redeemed
/// of an asset since a given time.
public sealed class RedeemCoolDownStore : ITenantStateOwner
{
    public sealed record Setting(long RatioBps, long CoolDownMs);

    public sealed record CoolingWallet(string Wallet, long UntilMs);

    public static Task<Setting?> SettingAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.QuerySingleOrDefaultAsync<Setting>(
            "SELECT ratio_bps AS RatioBps, cool_down_ms AS CoolDownMs FROM redeem_cool_down_settings WHERE tenant_id = @tenantId",
            new { tenantId }, ledger.Transaction);

    /// Replaces the tenant's setting and ends every cool-down running under the old one.
    public static async Task SetAsync(LedgerSession ledger, string tenantId, Setting setting)
    {
        await ledger.Connection.ExecuteAsync("""
            INSERT INTO redeem_cool_down_settings (tenant_id, ratio_bps, cool_down_ms) VALUES (@tenantId, @RatioBps, @CoolDownMs)
            ON CONFLICT (tenant_id) DO UPDATE SET ratio_bps = excluded.ratio_bps, cool_down_ms = excluded.cool_down_ms
            """, new { tenantId, setting.RatioBps, setting.CoolDownMs }, ledger.Transaction);
        await ledger.Connection.ExecuteAsync("DELETE FROM redeem_cool_downs WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
    }

    /// When the wallet's (lower-case) last cool-down ends or ended; null when it never cooled down.
    public static Task<long?> UntilAsync(LedgerSession ledger, string tenantId, string wallet) =>
        ledger.Connection.ExecuteScalarAsync<long?>("SELECT until_ms FROM redeem_cool_downs WHERE tenant_id = @tenantId AND wallet = @wallet",
            new { tenantId, wallet }, ledger.Transaction);

    public static Task StartAsync(LedgerSession ledger, string tenantId, string wallet, long untilMs) =>
        ledger.Connection.ExecuteAsync("""
            INSERT INTO redeem_cool_downs (tenant_id, wallet, until_ms) VALUES (@tenantId, @wallet, @untilMs)
            ON CONFLICT (tenant_id, wallet) DO UPDATE SET until_ms = excluded.until_ms
            """, new { tenantId, wallet, untilMs }, ledger.Transaction);

    /// The tenant's wallets still cooling down at <paramref name="nowMs"/>.
    public static async Task<IReadOnlyList<CoolingWallet>> CoolingAsync(LedgerSession ledger, string tenantId, long nowMs) =>
        [.. await ledger.Connection.QueryAsync<CoolingWallet>("""
            SELECT wallet AS Wallet, until_ms AS UntilMs FROM redeem_cool_downs WHERE tenant_id = @tenantId AND until_ms > @nowMs ORDER BY wallet
            """, new { tenantId, nowMs }, ledger.Transaction)];

    /// The quantity (micro-shares) the holder (lower-case) redeemed of the asset in redeems accepted after
    /// <paramref name="sinceMs"/>, failed ones aside.
    public static Task<long> RedeemedSinceAsync(LedgerSession ledger, string tenantId, string asset, string wallet, long sinceMs) =>
        ledger.Connection.ExecuteScalarAsync<long>("""
            SELECT COALESCE(SUM(quantity_micros), 0) FROM redeems INDEXED BY redeems_holder_window
            WHERE tenant_id = @tenantId AND asset = @asset AND created_ms > @sinceMs AND lower(wallet) = @wallet AND status <> 'failed'
            """, new { tenantId, asset, wallet, sinceMs }, ledger.Transaction);

    public async Task ResetTenantAsync(LedgerSession ledger, string tenantId)
    {
        await ledger.Connection.ExecuteAsync("DELETE FROM redeem_cool_down_settings WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
        await ledger.Connection.ExecuteAsync("DELETE FROM redeem_cool_downs WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
    }
}
