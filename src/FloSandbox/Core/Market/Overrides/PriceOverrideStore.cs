using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using FloSandbox.Core.Caching;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Core.Market.Overrides;

/// A tenant's pinned or shocked prices. Read on every quote, so each tenant's overrides are cached in
/// memory after the first read, until the tenant has been idle a while; writes go to the ledger first.
public sealed class PriceOverrideStore(LedgerDatabase db, TimeProvider time) : ITenantStateOwner
{
    private readonly IdleCache<string, Task<ConcurrentDictionary<string, PriceOverride>>> _byTenant =
        new(time, TenantRegistry.KeyIdleTime, StringComparer.Ordinal);

    public async ValueTask<PriceOverride?> FindAsync(string tenantId, string ticker)
    {
        var overrides = await ForTenantAsync(tenantId);
        return overrides.TryGetValue(ticker, out var o) ? o : null;
    }

    public async Task SetAsync(string tenantId, string ticker, PriceOverride value, DateTimeOffset now, CancellationToken ct)
    {
        var overrides = await ForTenantAsync(tenantId);
        await db.WriteAsync(ledger => ledger.Connection.ExecuteAsync("""
            INSERT OR REPLACE INTO price_overrides (tenant_id, ticker, pinned_price, shock_pct, set_at)
            VALUES (@tenantId, @ticker, @pinned, @shock, @at)
            """, new
            {
                tenantId, ticker, at = now.ToString("O"),
                pinned = value.PinnedPrice?.ToString(CultureInfo.InvariantCulture),
                shock = value.ShockPct?.ToString(CultureInfo.InvariantCulture),
            }, ledger.Transaction), ct);
        overrides[ticker] = value;
    }

    public async Task<bool> ClearAsync(string tenantId, string ticker, CancellationToken ct)
    {
        var overrides = await ForTenantAsync(tenantId);
        var removed = await db.WriteAsync(ledger => ledger.Connection.ExecuteAsync(
            "DELETE FROM price_overrides WHERE tenant_id = @tenantId AND ticker = @ticker", new { tenantId, ticker }, ledger.Transaction), ct);
        overrides.TryRemove(ticker, out _);
        return removed > 0;
    }

    public async Task ResetTenantAsync(LedgerSession ledger, string tenantId)
    {
        await ledger.Connection.ExecuteAsync("DELETE FROM price_overrides WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
        _byTenant.TryRemove(tenantId);
    }

    private Task<ConcurrentDictionary<string, PriceOverride>> ForTenantAsync(string tenantId)
    {
        var task = _byTenant.GetOrAdd(tenantId, LoadAsync);
        if (task.IsFaulted)
        {
            _byTenant.TryRemove(tenantId, task);
        }
        return task;
    }

    private async Task<ConcurrentDictionary<string, PriceOverride>> LoadAsync(string tenantId)
    {
        var rows = await db.ReadAsync(ledger => ledger.Connection.QueryAsync<(string Ticker, string? Pinned, string? Shock)>(
            "SELECT ticker, pinned_price, shock_pct FROM price_overrides WHERE tenant_id = @tenantId", new { tenantId }));
        return new ConcurrentDictionary<string, PriceOverride>(rows.Select(r => KeyValuePair.Create(r.Ticker, new PriceOverride(
            r.Pinned is null ? null : decimal.Parse(r.Pinned, CultureInfo.InvariantCulture),
            r.Shock is null ? null : decimal.Parse(r.Shock, CultureInfo.InvariantCulture)))), StringComparer.Ordinal);
    }
}
