using System.Text.Json;
using Dapper;
using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Pagination;

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
        db.WriteAsync(ledger => ledger.Connection.ExecuteAsync("""
            INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, created_at)
            VALUES (@Id, @TenantId, @Url, @events, @Secret, @CreatedAt)
            """, new { s.Id, s.TenantId, s.Url, events = JsonSerializer.Serialize(s.Events), s.Secret, s.CreatedAt }, ledger.Transaction), ct);

    public Task<Subscription?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(async ledger => (await ledger.Connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM webhook_subscriptions WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }))?.ToSubscription(), ct);

    /// One page in creation order; null when <see cref="PageRequest.StartingAfter"/> names no subscription of the tenant.
    public Task<(IReadOnlyList<Subscription> Items, bool HasMore)?> PageAsync(string tenantId, PageRequest page, CancellationToken ct) =>
        db.ReadAsync<(IReadOnlyList<Subscription>, bool)?>(async ledger =>
        {
            long after = 0;
            if (page.StartingAfter is { } cursor)
            {
                var seq = await ledger.Connection.QuerySingleOrDefaultAsync<long?>(
                    "SELECT seq FROM webhook_subscriptions WHERE tenant_id = @tenantId AND id = @cursor", new { tenantId, cursor });
                if (seq is null)
                {
                    return null;
                }
                after = seq.Value;
            }
            var rows = (await ledger.Connection.QueryAsync<Row>($"""
                SELECT {Columns} FROM webhook_subscriptions WHERE tenant_id = @tenantId AND seq > @after ORDER BY seq LIMIT @take
                """, new { tenantId, after, take = page.Limit + 1 })).ToList();
            return ([.. rows.Take(page.Limit).Select(r => r.ToSubscription())], rows.Count > page.Limit);
        }, ct);

    /// Deletes the subscription with its deliveries and their attempts; false when it does not exist.
    public Task<bool> DeleteAsync(string tenantId, string id, CancellationToken ct) =>
        db.WriteAsync(async ledger =>
        {
            await ledger.Connection.ExecuteAsync("""
                DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE tenant_id = @tenantId AND webhook_id = @id)
                """, new { tenantId, id }, ledger.Transaction);
            await ledger.Connection.ExecuteAsync("DELETE FROM webhook_deliveries WHERE tenant_id = @tenantId AND webhook_id = @id", new { tenantId, id }, ledger.Transaction);
            return await ledger.Connection.ExecuteAsync("DELETE FROM webhook_subscriptions WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, ledger.Transaction) == 1;
        }, ct);

    /// Every subscription of the given tenants, inside the caller's transaction (fan-out).
    public static async Task<ILookup<string, Subscription>> ForTenantsAsync(LedgerSession ledger, IEnumerable<string> tenantIds) =>
        (await ledger.Connection.QueryAsync<Row>($"SELECT {Columns} FROM webhook_subscriptions WHERE tenant_id IN @tenantIds ORDER BY seq",
        new { tenantIds = tenantIds.Distinct().ToArray() }, ledger.Transaction))
    .Select(r => r.ToSubscription()).ToLookup(s => s.TenantId, StringComparer.Ordinal);

    public async Task ResetTenantAsync(LedgerSession ledger, string tenantId)
    {
        await ledger.Connection.ExecuteAsync("DELETE FROM webhook_attempts WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
        await ledger.Connection.ExecuteAsync("DELETE FROM webhook_deliveries WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
        await ledger.Connection.ExecuteAsync("DELETE FROM webhook_subscriptions WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
    }
}
