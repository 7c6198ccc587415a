using System.Globalization;
using System.Text.Json;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Flo.Platform.Json;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Webhooks;

/// Deliveries: the log, manual and bulk replays, and test deliveries.
public sealed class DeliveryService(
    LedgerDatabase db, DeliveryStore deliveries, WebhookService webhooks, DeliveryClaimer claimer, AttemptSender sender,
    WebhookUrlPolicy urls)
{
    public async Task<ListResponse<DeliveryView>> ListAsync(TenantContext caller, string webhookId, string? status, PageRequest page,
        CancellationToken ct)
    {
        if (status is not null && !DeliveryStatus.All.Contains(status, StringComparer.Ordinal))
        {
            throw FloException.Invalid("status", $"status must be one of {string.Join(", ", DeliveryStatus.All)}; got '{status}'.");
        }
        await webhooks.FindAsync(caller, webhookId, ct);
        var result = await deliveries.PageAsync(caller.TenantId, webhookId, status, page, ct)
            ?? throw FloException.Invalid("starting_after", $"starting_after '{page.StartingAfter}' is not a delivery of webhook '{webhookId}'.");
        var data = result.Items.Select(DeliveryViews.Summary).ToList();
        return new ListResponse<DeliveryView>(data, result.HasMore, result.HasMore ? data[^1].Id : null);
    }

    public async Task<DeliveryDetail> RetrieveAsync(TenantContext caller, string id, CancellationToken ct) =>
        await deliveries.GetAsync(caller.TenantId, id, ct) is { } found
            ? DeliveryViews.Detail(found.Delivery, found.Attempts)
            : throw NotFound(id);

    /// One immediate attempt, to the subscription's URL or another one; fresh timestamp and signature, same delivery id.
    /// The answer shows each attempt's status, latency and error but never a response body: a replay must not
    /// turn the sandbox into a way of reading what some HTTP service behind it answers.
    public async Task<DeliveryDetail> ReplayAsync(TenantContext caller, string id, ReplayDeliveryRequest? request, CancellationToken ct)
    {
        var row = await db.ReadAsync(ledger => DeliveryStore.LoadAsync(ledger, id, caller.TenantId), ct) ?? throw NotFound(id);
        var url = request?.Url is { } other ? (await urls.ValidateAsync(other, "url", ct)).OriginalString : row.Url;
        var outcome = await sender.SendAsync(new AttemptSender.Outgoing(url, row.Secret, row.Payload, row.Id, row.EventType, row.WebhookId), ct);
        var attemptedMs = outcome.RealStartMs + (long)caller.Tenant.Clock.Offset.TotalMilliseconds;
        var attempt = new DeliveryStore.AttemptRecord(row.Id, row.TenantId, AttemptKind.Replay, url, attemptedMs, outcome.RequestHeaders,
            outcome.Status, outcome.ResponseBody, outcome.LatencyMs, outcome.Error, outcome.Succeeded);
        await db.WriteAsync(async ledger =>
        {
            if (await DeliveryStore.StateAsync(ledger, row.Id) is { } current)
            {
                await DeliveryStore.RecordAsync(ledger, attempt, DeliveryTransitions.AfterManualReplay(current, outcome.Succeeded), releaseLease: false);
            }
        }, CancellationToken.None);
        var detail = await RetrieveAsync(caller, id, ct);
        return detail with { Attempts = [.. detail.Attempts.Select(a => a with { ResponseBody = null })] };
    }

    /// Queues a replay of every abandoned delivery created in [from, to]; returns how many.
    public async Task<BulkReplayResult> ReplayAbandonedAsync(TenantContext caller, string webhookId, BulkReplayRequest request, CancellationToken ct)
    {
        if (request.Status != DeliveryStatus.Abandoned)
        {
            throw FloException.Invalid("status", $"Only abandoned deliveries can be bulk-replayed: status must be 'abandoned'; got '{request.Status}'.");
        }
        var from = ParseInstant(request.From, "from") ?? DateTimeOffset.UnixEpoch;
        var to = ParseInstant(request.To, "to") ?? DateTimeOffset.MaxValue.AddDays(-1);
        if (from > to)
        {
            throw FloException.Invalid("from", $"from ({request.From}) is after to ({request.To}).");
        }
        await webhooks.FindAsync(caller, webhookId, ct);
        var count = await deliveries.QueueReplaysAsync(caller.TenantId, webhookId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(),
            caller.Now.ToUnixTimeMilliseconds(), ct);
        await claimer.ClaimDueAsync(caller.TenantId, ct);
        return new BulkReplayResult(webhookId, request.Status, request.From, request.To, count);
    }

    /// A synthetic event of the given type, delivered to this subscription only, through the normal signing and retry path.
    public async Task<DeliveryView> SendTestAsync(TenantContext caller, string webhookId, TestDeliveryRequest request, CancellationToken ct)
    {
        if (!EventTypes.IsKnown(request.EventType))
        {
            throw new FloException(FloError.Of(FloErrorCatalog.InvalidRequest,
                $"event_type '{request.EventType}' is not in the event catalog. Valid values: {string.Join(", ", EventTypes.All)}.",
                ("param", "event_type"), ("valid_events", EventTypes.All)));
        }
        var subscription = await webhooks.FindAsync(caller, webhookId, ct);
        var now = caller.Now;
        var eventId = FloIds.New("evt");
        var data = JsonSerializer.Serialize(SyntheticEvents.Build(request.EventType, caller.Tenant.SettlementAddress, now), FloJson.Options);
        var delivery = new DeliveryStore.NewDelivery(FloIds.New("wh"), caller.TenantId, subscription.Id, eventId, request.EventType,
            now.ToUnixTimeMilliseconds(), EventEnvelope.Build(eventId, request.EventType, now.ToUnixTimeMilliseconds(), data), Test: true);
        await claimer.WriteAndClaimAsync(ledger => DeliveryStore.InsertAsync(ledger, delivery), caller.TenantId, ct);
        return new DeliveryView(delivery.Id, subscription.Id, eventId, request.EventType, DeliveryStatus.Pending, true, 0,
            TenantClockService.Format(now), null, TenantClockService.Format(now));
    }

    private static DateTimeOffset? ParseInstant(string? value, string param) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && value.Contains('T', StringComparison.Ordinal)
            ? instant
            : throw FloException.Invalid(param, $"{param} must be an ISO-8601 instant such as '2026-04-21T00:00:00Z'; got '{value}'.");

    private static FloException NotFound(string id) => new(FloError.Of(FloErrorCatalog.ResourceNotFound,
        $"No webhook delivery '{id}' exists on this account.", ("resource", "webhook_delivery"), ("id", id)));
}
