using System.Text.Json;
using Dapper;
using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Flo.Webhooks;

/// The SQL behind webhook subscriptions.
public sealed class SubscriptionStore(LedgerDatabase db) : ITenantStateOwner
{
    public sealed record Subscription(string Id, string TenantId, string Url, IReadOnlyList<string> Events, string Secret, string CreatedAt);

    private sealed record Row(string Id, string TenantId, string Url, string Events, string Secret, string CreatedAt)
    {
        public Subscription ToSubscription() => new(Id, TenantId, Url, JsonSerializer.Deserialize<string[]>(Events)!, Secret, CreatedAt);
    }

    private const string Columns = "id AS Id, tenant_id AS TenantId, url AS Url, events AS Events, secret AS Secret, created_at AS CreatedAt";

    public Task InsertAsync(Subscription s, CancellationToken ct) =>
        db.WriteAsync((c, tx) => c.ExecuteAsync("""
            INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, created_at)
            VALUES (@Id, @TenantId, @Url, @events, @Secret, @CreatedAt)
            """, new { s.Id, s.TenantId, s.Url, events = JsonSerializer.Serialize(s.Events), s.Secret, s.CreatedAt }, tx), ct);

    public Task<Subscription?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM webhook_subscriptions WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }))?.ToSubscription(), ct);

    /// One page in creation order; null when <see cref="PageRequest.StartingAfter"/> names no subscription of the tenant.
    public Task<(IReadOnlyList<Subscription> Items, bool HasMore)?> PageAsync(string tenantId, PageRequest page, CancellationToken ct) =>
        db.ReadAsync<(IReadOnlyList<Subscription>, bool)?>(async c =>
        {
            long after = 0;
            if (page.StartingAfter is { } cursor)
            {
                var seq = await c.QuerySingleOrDefaultAsync<long?>(
                    "SELECT seq FROM webhook_subscriptions WHERE tenant_id = @tenantId AND id = @cursor", new { tenantId, cursor });
                if (seq is null)
                {
                    return null;
                }
                after = seq.Value;
            }
            var rows = (await c.QueryAsync<Row>($"""
                SELECT {Columns} FROM webhook_subscriptions WHERE tenant_id = @tenantId AND seq > @after ORDER BY seq LIMIT @take
                """, new { tenantId, after, take = page.Limit + 1 })).ToList();
            return ([.. rows.Take(page.Limit).Select(r => r.ToSubscription())], rows.Count > page.Limit);
        }, ct);

    /// Deletes the subscription with its deliveries and their attempts; false when it does not exist.
    public Task<bool> DeleteAsync(string tenantId, string id, CancellationToken ct) =>
        db.WriteAsync(async (c, tx) =>
        {
            await c.ExecuteAsync("""
                DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE tenant_id = @tenantId AND webhook_id = @id)
                """, new { tenantId, id }, tx);
            await c.ExecuteAsync("DELETE FROM webhook_deliveries WHERE tenant_id = @tenantId AND webhook_id = @id", new { tenantId, id }, tx);
            return await c.ExecuteAsync("DELETE FROM webhook_subscriptions WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, tx) == 1;
        }, ct);

    /// Every subscription of the given tenants, inside the caller's transaction (fan-out).
    public static async Task<ILookup<string, Subscription>> ForTenantsAsync(SqliteConnection c, SqliteTransaction tx, IEnumerable<string> tenantIds) =>
        (await c.QueryAsync<Row>($"SELECT {Columns} FROM webhook_subscriptions WHERE tenant_id IN @tenantIds ORDER BY seq",
            new { tenantIds = tenantIds.Distinct().ToArray() }, tx))
        .Select(r => r.ToSubscription()).ToLookup(s => s.TenantId, StringComparer.Ordinal);

    public async Task ResetTenantAsync(SqliteConnection c, SqliteTransaction tx, string tenantId)
    {
        await c.ExecuteAsync("DELETE FROM webhook_attempts WHERE tenant_id = @tenantId", new { tenantId }, tx);
        await c.ExecuteAsync("DELETE FROM webhook_deliveries WHERE tenant_id = @tenantId", new { tenantId }, tx);
        await c.ExecuteAsync("DELETE FROM webhook_subscriptions WHERE tenant_id = @tenantId", new { tenantId }, tx);
    }
}
