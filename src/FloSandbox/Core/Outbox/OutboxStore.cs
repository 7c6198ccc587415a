using Dapper;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Outbox;

/// The outbox: a state change appends its events in the same transaction as the change, so an event
/// exists exactly when the change does. `seq` orders events; webhooks fan them out to subscriptions.
public sealed class OutboxStore(LedgerDatabase db) : ITenantStateOwner
{
    private readonly SemaphoreSlim _appended = new(0, int.MaxValue);

    public sealed record OutboxEvent(long Seq, string Id, string TenantId, string Type, string CreatedAt, long CreatedMs, string Data);

    /// Appends one event inside the caller's transaction; <paramref name="json"/> is its data, serialized by the
    /// API module that raised it (the resource as that API returns it).
    public static async Task<string> AppendAsync(LedgerSession ledger, string tenantId, string type, string json, DateTimeOffset now)
    {
        var id = FloIds.New("evt");
        await ledger.Connection.ExecuteAsync("""
            INSERT INTO events (id, tenant_id, type, created_at, created_ms, data) VALUES (@id, @tenantId, @type, @createdAt, @createdMs, @json)
            """, new
            {
                id, tenantId, type, createdAt = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
                createdMs = now.ToUnixTimeMilliseconds(), json,
            }, ledger.Transaction);
        return id;
    }

    /// Wakes whoever waits for new events; call after the transaction that appended them commits.
    public void NotifyAppended() => _appended.Release();

    /// Completes when events were appended since the last wait, or after <paramref name="timeout"/>.
    public async Task WaitForAppendAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _appended.WaitAsync(timeout, ct);
        while (_appended.CurrentCount > 0)
        {
            await _appended.WaitAsync(0, ct);
        }
    }

    public Task<IReadOnlyList<OutboxEvent>> PendingAsync(int max, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<OutboxEvent>>(async ledger => [.. await ledger.Connection.QueryAsync<OutboxEvent>("""
            SELECT seq AS Seq, id AS Id, tenant_id AS TenantId, type AS Type, created_at AS CreatedAt, created_ms AS CreatedMs, data AS Data
            FROM events WHERE fanned_out = 0 ORDER BY seq LIMIT @max
            """, new { max })], ct);

    public static Task MarkFannedOutAsync(LedgerSession ledger, IReadOnlyList<long> seqs) =>
        ledger.Connection.ExecuteAsync("UPDATE events SET fanned_out = 1 WHERE seq IN @seqs", new { seqs }, ledger.Transaction);

    public Task<IReadOnlyList<OutboxEvent>> ForTenantAsync(string tenantId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<OutboxEvent>>(async ledger => [.. await ledger.Connection.QueryAsync<OutboxEvent>("""
            SELECT seq AS Seq, id AS Id, tenant_id AS TenantId, type AS Type, created_at AS CreatedAt, created_ms AS CreatedMs, data AS Data
            FROM events WHERE tenant_id = @tenantId ORDER BY seq
            """, new { tenantId })], ct);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM events WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
