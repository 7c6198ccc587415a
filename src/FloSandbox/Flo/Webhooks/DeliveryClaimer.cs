using FloSandbox.Core.Ledger;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// Claims attempts as they fall due on their tenant's clock and hands them to the senders through the
/// <see cref="DeliveryQueue"/>; it never waits for a receiver. Claims are enqueued inside the claiming
/// transaction, which serialises them in delivery order, and released to the lanes only once that
/// transaction has committed (or dropped if it rolled back).
public sealed class DeliveryClaimer(LedgerDatabase db, DeliveryQueue queue, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// Claims what is due, for one tenant or (null) all of them.
    public Task ClaimDueAsync(string? tenantId, CancellationToken ct) =>
        queue.FreeSlots == 0 ? Task.CompletedTask : WriteAndClaimAsync(_ => Task.FromResult(true), tenantId, ct);

    /// Runs <paramref name="work"/> in a write transaction, then claims what is due in the same transaction.
    public Task<T> WriteAndClaimAsync<T>(Func<LedgerSession, Task<T>> work, string? tenantId, CancellationToken ct) =>
        WriteAndClaimAsync(work, tenantId, static _ => true, ct);

    /// As above, claiming only when <paramref name="claimWhen"/> holds for what the work returned (for example:
    /// it created deliveries). What it leaves is claimed by the scheduler's next poll.
    public async Task<T> WriteAndClaimAsync<T>(Func<LedgerSession, Task<T>> work, string? tenantId, Func<T, bool> claimWhen, CancellationToken ct)
    {
        var commit = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var result = await db.WriteAsync(async ledger =>
            {
                var value = await work(ledger);
                if (claimWhen(value))
                {
                    await ClaimAsync(ledger, tenantId, commit.Task);
                }
                return value;
            }, ct);
            commit.TrySetResult(true);
            return result;
        }
        finally
        {
            commit.TrySetResult(false);
        }
    }

    private async Task ClaimAsync(LedgerSession ledger, string? tenantId, Task<bool> committed)
    {
        var free = queue.FreeSlots;
        if (free == 0)
        {
            return;
        }
        var realNowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (tenantId is null)
        {
            await DeliveryStore.ExpireLeasesAsync(ledger, realNowMs);
        }
        var full = queue.FullTenants();
        if (tenantId is not null && full.Contains(tenantId, StringComparer.Ordinal))
        {
            return;
        }
        var due = await DeliveryStore.DueAsync(ledger, tenantId, full, realNowMs, free);
        var leased = new List<string>(due.Count);
        foreach (var row in due)
        {
            var admission = queue.TryEnqueue(new DeliveryWork(row.Id, row.WebhookId, row.TenantId, committed));
            if (admission == DeliveryQueue.Admission.QueueFull)
            {
                break;
            }
            if (admission == DeliveryQueue.Admission.Accepted)
            {
                leased.Add(row.Id);
            }
        }
        await DeliveryStore.LeaseAsync(ledger, leased, realNowMs + (long)options.Value.ClaimLease.TotalMilliseconds);
    }
}
