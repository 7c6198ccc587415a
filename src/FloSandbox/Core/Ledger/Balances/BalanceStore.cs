using Dapper;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Core.Ledger.Balances;

/// A tenant's synthetic stablecoin balances. New tenants (and reset ones) start with
/// 1,000,000.00 USDC and 0 USDT.
public sealed class BalanceStore(LedgerDatabase db) : ITenantInitializer, ITenantStateOwner
{
    public const decimal InitialUsdc = 1_000_000m;

    public Task<IReadOnlyDictionary<Currency, decimal>> GetAsync(string tenantId, CancellationToken ct) => GetAsync(db, tenantId, ct);

    public static Task<IReadOnlyDictionary<Currency, decimal>> GetAsync(LedgerDatabase db, string tenantId, CancellationToken ct) =>
        db.ReadAsync(ledger => GetAsync(ledger, tenantId), ct);

    /// Every tenant's balance of each currency, with the settlement address that holds it on chain.
    public async Task<IReadOnlyList<(string TenantId, string Address, Currency Currency, decimal Amount)>> AtSettlementAddressesAsync(CancellationToken ct)
    {
        var rows = await db.ReadAsync(ledger => ledger.Connection.QueryAsync<(string Id, string Address, string? Currency, long? Micros)>("""
            SELECT t.id, t.settlement_address, b.currency, b.amount_micros FROM tenants t LEFT JOIN balances b ON b.tenant_id = t.id
            """), ct);
        return [.. rows.GroupBy(r => (r.Id, r.Address))
            .SelectMany(tenant => Currencies.All.Select(currency => (
                tenant.Key.Id,
                tenant.Key.Address,
                currency,
                Money.FromMicros(tenant.FirstOrDefault(r => r.Currency == currency.ToString()).Micros ?? 0))))];
    }

    public static async Task<IReadOnlyDictionary<Currency, decimal>> GetAsync(LedgerSession ledger, string tenantId)
    {
        var rows = await ledger.Connection.QueryAsync<(string Currency, long Micros)>(
            "SELECT currency, amount_micros FROM balances WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
        var result = Currencies.All.ToDictionary(c => c, _ => 0m);
        foreach (var (currency, micros) in rows)
        {
            result[Enum.Parse<Currency>(currency)] = Money.FromMicros(micros);
        }
        return result;
    }

    public static Task CreditAsync(LedgerSession ledger, string tenantId, Currency currency, decimal amount) =>
        ledger.Connection.ExecuteAsync("""
        INSERT INTO balances (tenant_id, currency, amount_micros) VALUES (@tenantId, @currency, @micros)
        ON CONFLICT (tenant_id, currency) DO UPDATE SET amount_micros = amount_micros + excluded.amount_micros
        """, new { tenantId, currency = currency.ToString(), micros = Money.ToMicros(amount) }, ledger.Transaction);

    /// Debits if the balance covers it; returns false (and changes nothing) otherwise.
    public static Task<bool> TryDebitAsync(LedgerSession ledger, string tenantId, Currency currency, decimal amount) =>
        TryDebitAsync(ledger, tenantId, currency, amount, amount);

    /// Debits <paramref name="amount"/> if the balance is at least <paramref name="required"/> (which may
    /// include a charge still to come); returns false and changes nothing otherwise.
    public static async Task<bool> TryDebitAsync(LedgerSession ledger, string tenantId, Currency currency, decimal amount, decimal required) =>
        await ledger.Connection.ExecuteAsync("""
        UPDATE balances SET amount_micros = amount_micros - @micros
        WHERE tenant_id = @tenantId AND currency = @currency AND amount_micros >= @requiredMicros
        """, new { tenantId, currency = currency.ToString(), micros = Money.ToMicros(amount), requiredMicros = Money.ToMicros(required) }, ledger.Transaction) == 1;

    public async Task InitializeTenantAsync(LedgerSession ledger, Tenant tenant)
    {
        await ledger.Connection.ExecuteAsync("DELETE FROM balances WHERE tenant_id = @Id", new { tenant.Id }, ledger.Transaction);
        await CreditAsync(ledger, tenant.Id, Currency.USDC, InitialUsdc);
        await CreditAsync(ledger, tenant.Id, Currency.USDT, 0m);
    }

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM balances WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
