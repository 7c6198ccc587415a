using Dapper;
using FloSandbox.Core.Ids;

namespace FloSandbox.Core.Ledger.Fees;

/// Developer fees accrue per destination wallet in the ledger when the trade that carries them settles.
public sealed class DeveloperFeeStore(LedgerDatabase db) : ITenantStateOwner
{
    public sealed record Accrual(string Id, string SourceId, string Destination, long AmountBps, long AmountMicros, string Status, string AccruedAt);

    public static async Task<Accrual> AccrueAsync(LedgerSession ledger, string tenantId, string sourceId,
        string destination, int amountBps, decimal amount, DateTimeOffset now)
    {
        var accrual = new Accrual(FloIds.New("fee"), sourceId, destination, amountBps, Money.ToMicros(amount), "accrued",
            now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        await ledger.Connection.ExecuteAsync("""
            INSERT INTO developer_fee_accruals (id, tenant_id, source_id, destination, amount_bps, amount_micros, status, accrued_at)
            VALUES (@Id, @tenantId, @SourceId, @Destination, @AmountBps, @AmountMicros, @Status, @AccruedAt)
            """, new { accrual.Id, tenantId, accrual.SourceId, accrual.Destination, accrual.AmountBps, accrual.AmountMicros, accrual.Status, accrual.AccruedAt }, ledger.Transaction);
        return accrual;
    }

    public Task<IReadOnlyList<Accrual>> ForTenantAsync(string tenantId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Accrual>>(async ledger => [.. await ledger.Connection.QueryAsync<Accrual>("""
            SELECT id AS Id, source_id AS SourceId, destination AS Destination, amount_bps AS AmountBps, amount_micros AS AmountMicros,
                   status AS Status, accrued_at AS AccruedAt
            FROM developer_fee_accruals WHERE tenant_id = @tenantId ORDER BY accrued_at, id
            """, new { tenantId })], ct);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM developer_fee_accruals WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
