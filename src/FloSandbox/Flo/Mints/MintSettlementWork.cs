using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Scheduling;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Flo.Platform.Events;

namespace FloSandbox.Flo.Mints;

/// Queued mints fill when the session opens on their tenant's clock: queued → filled → settled, or
/// failed with a full refund. Runs on the scheduler's poll and right after `X-Flo-Clock` moves a clock.
public sealed partial class MintSettlementWork(
    LedgerDatabase db, MintStore store, MintSettler settler, KeyedLock locks, OutboxStore outbox, TimeProvider time,
    TenantRegistry tenants, ILogger<MintSettlementWork> logger) : IDueWork
{
    public string Name => "mint-settlement";

    public async Task RunDueAsync(string? tenantId, CancellationToken ct)
    {
        foreach (var id in await store.DueAsync(tenantId, time.GetUtcNow().ToUnixTimeMilliseconds(), ct))
        {
            using var held = await locks.AcquireAsync("mint\n" + id, ct);
            try
            {
                await FillAsync(id);
            }
            catch (DevchainUnavailableException ex)
            {
                // The mint stays filled; a later pass settles it once the chain answers.
                LogSettlementDeferred(logger, ex, id);
            }
        }
    }

    private async Task FillAsync(string id)
    {
        var row = await db.ReadAsync(ledger => MintStore.GetAsync(ledger, id));
        if (row is null || row.Status is not ("queued" or "filled"))
        {
            return;
        }
        var clock = (await tenants.GetByIdAsync(row.TenantId)).Clock;
        var now = clock.GetUtcNow();
        if (row.Status == "queued")
        {
            if (row.FailAt == "fill")
            {
                await settler.FailAsync(row, "broker_rejected: the broker rejected the fill (injected by X-Flo-Fail-At)", true, now);
                return;
            }
            row.Status = "filled";
            row.FilledAt = TenantClockService.Format(now);
            await db.WriteAsync(async ledger =>
            {
                await MintStore.UpdateAsync(ledger, row);
                await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintFilled, row.ToFilledView(), now);
            });
            outbox.NotifyAppended();
        }
        Devchain.Contracts.TokenMint minted;
        try
        {
            minted = await settler.ExecuteOnChainAsync(row, 0m, CancellationToken.None);
        }
        catch (DevchainException ex) when (ex is not DevchainUnavailableException)
        {
            // The chain refused the settlement: failed, and refunded including the payment taken at acceptance.
            await settler.FailAsync(row, MintSettler.FailureReason(ex), true, clock.GetUtcNow());
            return;
        }
        await settler.SettleAsync(row, minted, recordFill: false, clock.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling mint {MintId} is deferred: the devchain did not answer")]
    private static partial void LogSettlementDeferred(ILogger logger, Exception ex, string mintId);
}
