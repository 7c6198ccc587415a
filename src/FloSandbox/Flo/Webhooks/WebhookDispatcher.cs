using FloSandbox.Core.Ids;
using FloSandbox.Core.Outbox;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// Turns outbox events into deliveries (one per matching subscription) and sends claimed attempts: a single
/// router feeds the per-subscription lanes from the bounded queue, in claim order and only once each claim
/// has committed, and <see cref="WebhookOptions.Workers"/> workers send. Durable state stays in the ledger,
/// so a restart resumes where the last process stopped.
public sealed partial class WebhookDispatcher(
    OutboxStore outbox, DeliveryStore store, DeliveryClaimer claimer, DeliveryQueue queue, SubscriptionLanes lanes,
    AttemptSender sender, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int FanOutBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.ReleaseAllLeasesAsync(stoppingToken);
        var loops = new List<Task> { RouteAsync(stoppingToken), FanOutLoopAsync(stoppingToken) };
        loops.AddRange(Enumerable.Range(0, options.Value.Workers).Select(_ => lanes.RunWorkerAsync(ProcessAsync, stoppingToken)));
        await Task.WhenAll(loops);
    }

    private async Task RouteAsync(CancellationToken ct)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(ct))
        {
            if (await work.Committed)
            {
                lanes.Add(work);
            }
            else
            {
                queue.Complete(work.DeliveryId);
            }
        }
    }

    private async Task FanOutLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<OutboxStore.OutboxEvent> batch;
                while ((batch = await outbox.PendingAsync(FanOutBatch, ct)).Count > 0)
                {
                    await FanOutAsync(batch, ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFanOutFailed(logger, ex);
            }
            await outbox.WaitForAppendAsync(options.Value.OutboxPollInterval, ct);
        }
    }

    /// Creates the batch's deliveries and claims the due ones in the same transaction; a batch that matched no
    /// subscription (no new delivery) claims nothing, so events nobody listens to cost one short write.
    private Task FanOutAsync(IReadOnlyList<OutboxStore.OutboxEvent> batch, CancellationToken ct) =>
        claimer.WriteAndClaimAsync(async ledger =>
        {
            var subscriptions = await SubscriptionStore.ForTenantsAsync(ledger, batch.Select(e => e.TenantId));
            var created = 0;
            foreach (var e in batch)
            {
                string? payload = null;
                foreach (var s in subscriptions[e.TenantId].Where(s => EventPatterns.Matches(s.Events, e.Type)))
                {
                    payload ??= EventEnvelope.Build(e.Id, e.Type, e.CreatedMs, e.Data);
                    await DeliveryStore.InsertAsync(ledger, new DeliveryStore.NewDelivery(
                        FloIds.New("wh"), e.TenantId, s.Id, e.Id, e.Type, e.CreatedMs, payload, Test: false));
                    created++;
                }
            }
            await OutboxStore.MarkFannedOutAsync(ledger, [.. batch.Select(e => e.Seq)]);
            return created;
        }, null, created => created > 0, ct);

    private async Task ProcessAsync(DeliveryWork work, CancellationToken ct)
    {
        var completed = false;
        try
        {
            var row = await store.LoadForSendAsync(work.DeliveryId, ct);
            var realNowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (row is not { NextAttemptMs: { } due, NextKind: { } kind } || due > realNowMs + row.ClockOffsetMs)
            {
                return;
            }
            var outcome = await sender.SendAsync(
                new AttemptSender.Outgoing(row.Url, row.Secret, row.Payload, row.Id, row.EventType, row.WebhookId), ct);
            var attempt = new DeliveryStore.AttemptRecord(row.Id, row.TenantId, kind, row.Url, outcome.RealStartMs + row.ClockOffsetMs,
                outcome.RequestHeaders, outcome.Status, outcome.ResponseBody, outcome.LatencyMs, outcome.Error, outcome.Succeeded);
            // Claiming afterwards runs a retry the clock already passed right away, and refills the slot just freed.
            var next = await claimer.WriteAndClaimAsync(async ledger =>
            {
                if (await DeliveryStore.StateAsync(ledger, row.Id) is not { } current)
                {
                    return null;
                }
                var state = DeliveryTransitions.AfterQueued(kind, current.Status, current.ScheduledAttempts, row.EventCreatedMs,
                    outcome.Succeeded, options.Value.Jitter, Random.Shared);
                await DeliveryStore.RecordAsync(ledger, attempt, state, releaseLease: true);
                queue.Complete(row.Id);
                completed = true;
                return state;
            }, null, CancellationToken.None);
            if (next is not null)
            {
                LogAttempt(row, outcome, next);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogProcessFailed(logger, ex, work.DeliveryId);
        }
        finally
        {
            if (!completed)
            {
                queue.Complete(work.DeliveryId);
            }
        }
    }

    private void LogAttempt(DeliveryStore.SendRow row, AttemptSender.Outcome outcome, DeliveryTransitions.State next)
    {
        if (outcome.Succeeded)
        {
            LogDelivered(logger, row.Id, row.EventType, row.WebhookId, outcome.Status ?? 0, outcome.LatencyMs);
        }
        else if (next.Status == DeliveryStatus.Abandoned)
        {
            LogAbandoned(logger, row.Id, row.WebhookId, outcome.Error ?? "");
        }
        else
        {
            LogFailed(logger, row.Id, row.WebhookId, outcome.Error ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} ({EventType}) to {WebhookId}: HTTP {Status} in {LatencyMs} ms")]
    private static partial void LogDelivered(ILogger logger, string deliveryId, string eventType, string webhookId, int status, long latencyMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {WebhookId} failed, retry scheduled: {Error}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string webhookId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {WebhookId} abandoned: {Error}")]
    private static partial void LogAbandoned(ILogger logger, string deliveryId, string webhookId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fanning out outbox events failed; retried on the next signal or poll")]
    private static partial void LogFanOutFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be processed; it stays due and is claimed again")]
    private static partial void LogProcessFailed(ILogger logger, Exception ex, string deliveryId);
}
