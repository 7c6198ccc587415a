using Dapper;
using FloSandbox.Core.Ids;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Core.Ledger.Fees;

/// Developer fees accrue per destination wallet in the ledger when the trade that carries them settles.
public sealed class DeveloperFeeStore(LedgerDatabase db) : ITenantStateOwner
{
    public sealed record Accrual(string Id, string SourceId, string Destination, long AmountBps, long AmountMicros, string Status, string AccruedAt);

    public static async Task<Accrual> AccrueAsync(SqliteConnection c, SqliteTransaction tx, string tenantId, string sourceId,
        string destination, int amountBps, decimal amount, DateTimeOffset now)
    {
        var accrual = new Accrual(FloIds.New("fee"), sourceId, destination, amountBps, Money.ToMicros(amount), "accrued",
            now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        await c.ExecuteAsync("""
            INSERT INTO developer_fee_accruals (id, tenant_id, source_id, destination, amount_bps, amount_micros, status, accrued_at)
            VALUES (@Id, @tenantId, @SourceId, @Destination, @AmountBps, @AmountMicros, @Status, @AccruedAt)
            """, new { accrual.Id, tenantId, accrual.SourceId, accrual.Destination, accrual.AmountBps, accrual.AmountMicros, accrual.Status, accrual.AccruedAt }, tx);
        return accrual;
    }

    public Task<IReadOnlyList<Accrual>> ForTenantAsync(string tenantId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Accrual>>(async c => [.. await c.QueryAsync<Accrual>("""
            SELECT id AS Id, source_id AS SourceId, destination AS Destination, amount_bps AS AmountBps, amount_micros AS AmountMicros,
                   status AS Status, accrued_at AS AccruedAt
            FROM developer_fee_accruals WHERE tenant_id = @tenantId ORDER BY accrued_at, id
            """, new { tenantId })], ct);

    public Task ResetTenantAsync(SqliteConnection c, SqliteTransaction tx, string tenantId) =>
        c.ExecuteAsync("DELETE FROM developer_fee_accruals WHERE tenant_id = @tenantId", new { tenantId }, tx);
}
