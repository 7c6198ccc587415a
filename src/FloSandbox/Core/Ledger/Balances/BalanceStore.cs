using Dapper;
using FloSandbox.Core.Tenants;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Core.Ledger.Balances;

/// A tenant's synthetic stablecoin balances. New tenants (and reset ones) start with
/// 1,000,000.00 USDC and 0 USDT.
public sealed class BalanceStore(LedgerDatabase db) : ITenantInitializer, ITenantStateOwner
{
    public const decimal InitialUsdc = 1_000_000m;

    public Task<IReadOnlyDictionary<Currency, decimal>> GetAsync(string tenantId, CancellationToken ct) => GetAsync(db, tenantId, ct);

    public static Task<IReadOnlyDictionary<Currency, decimal>> GetAsync(LedgerDatabase db, string tenantId, CancellationToken ct) =>
        db.ReadAsync(c => GetAsync(c, null, tenantId), ct);

    public static async Task<IReadOnlyDictionary<Currency, decimal>> GetAsync(SqliteConnection c, SqliteTransaction? tx, string tenantId)
    {
        var rows = await c.QueryAsync<(string Currency, long Micros)>(
            "SELECT currency, amount_micros FROM balances WHERE tenant_id = @tenantId", new { tenantId }, tx);
        var result = Currencies.All.ToDictionary(c => c, _ => 0m);
        foreach (var (currency, micros) in rows)
        {
            result[Enum.Parse<Currency>(currency)] = Money.FromMicros(micros);
        }
        return result;
    }

    public static Task CreditAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, Currency currency, decimal amount) =>
        c.ExecuteAsync("""
            INSERT INTO balances (tenant_id, currency, amount_micros) VALUES (@tenantId, @currency, @micros)
            ON CONFLICT (tenant_id, currency) DO UPDATE SET amount_micros = amount_micros + excluded.amount_micros
            """, new { tenantId, currency = currency.ToString(), micros = Money.ToMicros(amount) }, tx);

    /// Debits if the balance covers it; returns false (and changes nothing) otherwise.
    public static Task<bool> TryDebitAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, Currency currency, decimal amount) =>
        TryDebitAsync(c, tx, tenantId, currency, amount, amount);

    /// Debits <paramref name="amount"/> if the balance is at least <paramref name="required"/> (which may
    /// include a charge still to come); returns false and changes nothing otherwise.
    public static async Task<bool> TryDebitAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, Currency currency, decimal amount, decimal required) =>
        await c.ExecuteAsync("""
            UPDATE balances SET amount_micros = amount_micros - @micros
            WHERE tenant_id = @tenantId AND currency = @currency AND amount_micros >= @requiredMicros
            """, new { tenantId, currency = currency.ToString(), micros = Money.ToMicros(amount), requiredMicros = Money.ToMicros(required) }, tx) == 1;

    public async Task InitializeTenantAsync(SqliteConnection c, SqliteTransaction tx, Tenant tenant)
    {
        await c.ExecuteAsync("DELETE FROM balances WHERE tenant_id = @Id", new { tenant.Id }, tx);
        await CreditAsync(c, tx, tenant.Id, Currency.USDC, InitialUsdc);
        await CreditAsync(c, tx, tenant.Id, Currency.USDT, 0m);
    }

    public Task ResetTenantAsync(SqliteConnection c, SqliteTransaction tx, string tenantId) =>
        c.ExecuteAsync("DELETE FROM balances WHERE tenant_id = @tenantId", new { tenantId }, tx);
}
