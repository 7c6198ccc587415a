using Dapper;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Webhooks;

/// Reads behind the deliveries API.
public sealed partial class DeliveryStore
{
    public sealed record DeliveryRow(string Id, string WebhookId, string EventId, string EventType, long EventCreatedMs, string Payload,
        long Test, string Status, long AttemptCount, long? LastAttemptMs, long? NextAttemptMs);

    public sealed record AttemptRow(long Number, string Kind, string Url, long AttemptedMs, string RequestHeaders, long? ResponseStatus,
        string? ResponseBody, long LatencyMs, string? Error, long Succeeded);

    private const string DeliveryColumns = """
        id AS Id, webhook_id AS WebhookId, event_id AS EventId, event_type AS EventType, event_created_ms AS EventCreatedMs,
        payload AS Payload, test AS Test, status AS Status, attempt_count AS AttemptCount, last_attempt_ms AS LastAttemptMs,
        next_attempt_ms AS NextAttemptMs
        """;

    /// One page of a subscription's deliveries in creation order; null when the cursor names no delivery of it.
    public Task<(IReadOnlyList<DeliveryRow> Items, bool HasMore)?> PageAsync(string tenantId, string webhookId, string? status,
        PageRequest page, CancellationToken ct) =>
        db.ReadAsync<(IReadOnlyList<DeliveryRow>, bool)?>(async ledger =>
        {
            long after = 0;
            if (page.StartingAfter is { } cursor)
            {
                var seq = await ledger.Connection.QuerySingleOrDefaultAsync<long?>(
                    "SELECT seq FROM webhook_deliveries WHERE tenant_id = @tenantId AND webhook_id = @webhookId AND id = @cursor",
                    new { tenantId, webhookId, cursor });
                if (seq is null)
                {
                    return null;
                }
                after = seq.Value;
            }
            var rows = (await ledger.Connection.QueryAsync<DeliveryRow>($"""
                SELECT {DeliveryColumns} FROM webhook_deliveries
                WHERE tenant_id = @tenantId AND webhook_id = @webhookId AND seq > @after AND (@status IS NULL OR status = @status)
                ORDER BY seq LIMIT @take
                """, new { tenantId, webhookId, after, status, take = page.Limit + 1 })).ToList();
            return ([.. rows.Take(page.Limit)], rows.Count > page.Limit);
        }, ct);

    public Task<(DeliveryRow Delivery, IReadOnlyList<AttemptRow> Attempts)?> GetAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync<(DeliveryRow, IReadOnlyList<AttemptRow>)?>(async ledger =>
        {
            var delivery = await ledger.Connection.QuerySingleOrDefaultAsync<DeliveryRow>(
                $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id });
            if (delivery is null)
            {
                return null;
            }
            var attempts = await ledger.Connection.QueryAsync<AttemptRow>("""
                SELECT number AS Number, kind AS Kind, url AS Url, attempted_ms AS AttemptedMs, request_headers AS RequestHeaders,
                       response_status AS ResponseStatus, response_body AS ResponseBody, latency_ms AS LatencyMs, error AS Error,
                       succeeded AS Succeeded
                FROM webhook_attempts WHERE delivery_id = @id ORDER BY seq
                """, new { id });
            return (delivery, [.. attempts]);
        }, ct);
}
