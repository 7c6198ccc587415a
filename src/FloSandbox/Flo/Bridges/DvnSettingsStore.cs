using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Bridges;

/// SQL for a tenant's DVN behaviour (sandbox-only): one row per DVN that differs from the default.
public sealed class DvnSettingsStore(LedgerDatabase db) : ITenantStateOwner
{
    public Task<DvnSettings> GetAsync(string tenantId, CancellationToken ct) =>
        db.ReadAsync(async ledger =>
        {
            var rows = (await ledger.Connection.QueryAsync<(string Dvn, bool Withheld, int DelaySeconds)>(
                "SELECT dvn, withheld, delay_seconds FROM bridge_dvn_settings WHERE tenant_id = @tenantId", new { tenantId })).ToList();
            return new DvnSettings(rows.Where(r => r.Withheld).Select(r => r.Dvn).ToHashSet(StringComparer.Ordinal),
                rows.Where(r => r.DelaySeconds > 0).ToDictionary(r => r.Dvn, r => r.DelaySeconds, StringComparer.Ordinal));
        }, ct);

    /// Replaces the tenant's settings.
    public Task SetAsync(string tenantId, DvnSettings settings) =>
        db.WriteAsync(async ledger =>
        {
            await ResetTenantAsync(ledger, tenantId);
            foreach (var dvn in settings.Withheld.Union(settings.DelaySeconds.Keys))
            {
                await ledger.Connection.ExecuteAsync("""
                    INSERT INTO bridge_dvn_settings (tenant_id, dvn, withheld, delay_seconds) VALUES (@tenantId, @dvn, @withheld, @delay)
                    """, new { tenantId, dvn, withheld = settings.Withheld.Contains(dvn), delay = settings.DelaySeconds.GetValueOrDefault(dvn) },
                    ledger.Transaction);
            }
        });

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM bridge_dvn_settings WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
