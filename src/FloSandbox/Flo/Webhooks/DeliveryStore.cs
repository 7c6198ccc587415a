using Dapper;
using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Webhooks;

/// The SQL behind deliveries: fan-out inserts, claiming due attempts, recording attempts.
/// Due times are tenant-clock milliseconds; leases are real-time milliseconds (see <see cref="WebhooksSchema"/>).
public sealed partial class DeliveryStore(LedgerDatabase db)
{
    public sealed record NewDelivery(string Id, string TenantId, string WebhookId, string EventId, string EventType,
        long EventCreatedMs, string Payload, bool Test);

    public sealed record DueRow(string Id, string WebhookId, string TenantId);

    /// Everything needed to send the next attempt of one delivery.
    public sealed record SendRow(string Id, string TenantId, string WebhookId, string EventId, string EventType, long EventCreatedMs,
        string Payload, string Status, long AttemptCount, long ScheduledAttempts, long? NextAttemptMs, string? NextKind,
        string Url, string Secret, long ClockOffsetMs);

    public sealed record AttemptRecord(string DeliveryId, string TenantId, string Kind, string Url, long AttemptedMs,
        string RequestHeaders, int? ResponseStatus, string? ResponseBody, long LatencyMs, string? Error, bool Succeeded);

    public static Task<int> InsertAsync(LedgerSession ledger, NewDelivery d) =>
        ledger.Connection.ExecuteAsync("""
        INSERT OR IGNORE INTO webhook_deliveries
            (id, tenant_id, webhook_id, event_id, event_type, event_created_ms, payload, test, status, next_attempt_ms, next_kind, due_ms)
        VALUES (@Id, @TenantId, @WebhookId, @EventId, @EventType, @EventCreatedMs, @Payload, @Test, 'pending', @EventCreatedMs, 'scheduled',
                @EventCreatedMs)
        """, d, ledger.Transaction);

    /// Unclaimed attempts due on their tenant's clock, oldest delivery first, leaving out tenants that hold their whole share of the queue.
    public static async Task<IReadOnlyList<DueRow>> DueAsync(LedgerSession ledger, string? tenantId,
        IReadOnlyList<string> skipTenants, long realNowMs, int max) =>
        [.. await ledger.Connection.QueryAsync<DueRow>("""
        SELECT d.id AS Id, d.webhook_id AS WebhookId, d.tenant_id AS TenantId
        FROM webhook_deliveries d INDEXED BY webhook_deliveries_due JOIN tenants t ON t.id = d.tenant_id
        WHERE d.due_ms IS NOT NULL AND d.due_ms <= @realNowMs + t.clock_offset_ms AND (@tenantId IS NULL OR d.tenant_id = @tenantId)
          AND d.tenant_id NOT IN @skipTenants
        ORDER BY d.seq LIMIT @max
        """, new { tenantId, skipTenants, realNowMs, max }, ledger.Transaction)];

    public static Task LeaseAsync(LedgerSession ledger, IReadOnlyList<string> ids, long untilMs) =>
        ids.Count == 0 ? Task.CompletedTask
        : ledger.Connection.ExecuteAsync("UPDATE webhook_deliveries SET lease_until_ms = @untilMs, due_ms = NULL WHERE id IN @ids", new { ids, untilMs }, ledger.Transaction);

    /// Makes attempts whose claim lapsed (their sender failed or vanished) claimable again.
    public static Task ExpireLeasesAsync(LedgerSession ledger, long realNowMs) =>
        ledger.Connection.ExecuteAsync("""
        UPDATE webhook_deliveries INDEXED BY webhook_deliveries_lease SET due_ms = next_attempt_ms, lease_until_ms = NULL
        WHERE lease_until_ms IS NOT NULL AND lease_until_ms <= @realNowMs
        """, new { realNowMs }, ledger.Transaction);

    /// Claims belong to the process that made them; a starting process owns the data directory, so it frees them all.
    public Task ReleaseAllLeasesAsync(CancellationToken ct) =>
        db.WriteAsync(ledger => ExpireLeasesAsync(ledger, long.MaxValue), ct);

    public Task<SendRow?> LoadForSendAsync(string deliveryId, CancellationToken ct) =>
        db.ReadAsync(ledger => LoadAsync(ledger, deliveryId, null), ct);

    public static Task<SendRow?> LoadAsync(LedgerSession ledger, string deliveryId, string? tenantId) =>
        ledger.Connection.QuerySingleOrDefaultAsync<SendRow>("""
        SELECT d.id AS Id, d.tenant_id AS TenantId, d.webhook_id AS WebhookId, d.event_id AS EventId, d.event_type AS EventType,
               d.event_created_ms AS EventCreatedMs, d.payload AS Payload, d.status AS Status, d.attempt_count AS AttemptCount,
               d.scheduled_attempts AS ScheduledAttempts, d.next_attempt_ms AS NextAttemptMs, d.next_kind AS NextKind,
               s.url AS Url, s.secret AS Secret, t.clock_offset_ms AS ClockOffsetMs
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.webhook_id
        JOIN tenants t ON t.id = d.tenant_id
        WHERE d.id = @deliveryId AND (@tenantId IS NULL OR d.tenant_id = @tenantId)
        """, new { deliveryId, tenantId }, ledger.Transaction);

    /// Logs the attempt and moves the delivery; false when the delivery is gone (deleted or reset meanwhile).
    /// A manual replay keeps the lease: a queued attempt of the same delivery may still be in flight.
    public static async Task<bool> RecordAsync(LedgerSession ledger, AttemptRecord a, DeliveryTransitions.State next, bool releaseLease)
    {
        var updated = await ledger.Connection.ExecuteAsync("""
            UPDATE webhook_deliveries
            SET status = @Status, scheduled_attempts = @ScheduledAttempts, next_attempt_ms = @NextAttemptMs, next_kind = @NextKind,
                attempt_count = attempt_count + 1, last_attempt_ms = @attemptedMs,
                lease_until_ms = CASE WHEN @releaseLease THEN NULL ELSE lease_until_ms END,
                due_ms = CASE WHEN @releaseLease THEN @NextAttemptMs WHEN @NextAttemptMs IS NULL THEN NULL ELSE due_ms END
            WHERE id = @deliveryId AND tenant_id = @tenantId
            """, new
            {
                next.Status, next.ScheduledAttempts, next.NextAttemptMs, next.NextKind, attemptedMs = a.AttemptedMs,
                deliveryId = a.DeliveryId, tenantId = a.TenantId, releaseLease,
            }, ledger.Transaction);
        if (updated == 0)
        {
            return false;
        }
        await ledger.Connection.ExecuteAsync("""
            INSERT INTO webhook_attempts (delivery_id, tenant_id, number, kind, url, attempted_ms, request_headers, response_status,
                                          response_body, latency_ms, error, succeeded)
            VALUES (@DeliveryId, @TenantId, (SELECT COALESCE(MAX(number), 0) + 1 FROM webhook_attempts WHERE delivery_id = @DeliveryId),
                    @Kind, @Url, @AttemptedMs, @RequestHeaders, @ResponseStatus, @ResponseBody, @LatencyMs, @Error, @Succeeded)
            """, a, ledger.Transaction);
        return true;
    }

    /// The delivery's current state inside the caller's transaction; null when it is gone.
    public static async Task<DeliveryTransitions.State?> StateAsync(LedgerSession ledger, string deliveryId) =>
        await ledger.Connection.QuerySingleOrDefaultAsync<StateRow>("""
        SELECT status AS Status, scheduled_attempts AS ScheduledAttempts, next_attempt_ms AS NextAttemptMs, next_kind AS NextKind
        FROM webhook_deliveries WHERE id = @deliveryId
        """, new { deliveryId }, ledger.Transaction) is { } r
        ? new DeliveryTransitions.State(r.Status, (int)r.ScheduledAttempts, r.NextAttemptMs, r.NextKind)
        : null;

    private sealed record StateRow(string Status, long ScheduledAttempts, long? NextAttemptMs, string? NextKind);

    /// Queues one replay attempt, due now, for every abandoned delivery of the subscription created in [fromMs, toMs].
    public Task<int> QueueReplaysAsync(string tenantId, string webhookId, long fromMs, long toMs, long nowMs, CancellationToken ct) =>
        db.WriteAsync(ledger => ledger.Connection.ExecuteAsync("""
            UPDATE webhook_deliveries SET status = 'pending', next_attempt_ms = @nowMs, due_ms = @nowMs, next_kind = 'replay'
            WHERE tenant_id = @tenantId AND webhook_id = @webhookId AND status = 'abandoned'
              AND event_created_ms >= @fromMs AND event_created_ms <= @toMs
            """, new { tenantId, webhookId, fromMs, toMs, nowMs }, ledger.Transaction), ct);
}
