using FloSandbox.Core.Orders;
using FloSandbox.Core.Scheduling;

namespace FloSandbox.Flo.Mints;

/// Every mint with a step due on its tenant's clock advances: queued mints fill when the session opens,
/// settlements a dead chain deferred run again, and after a crash whatever was in flight completes.
/// Runs on the scheduler's poll, right after `X-Flo-Clock` moves a clock, and at start before the
/// chain is reconciled with the ledger.
public sealed class MintSettlementWork(MintStore store, MintSettlement settlement, TimeProvider time) : IDueWork
{
    public string Name => "mint-settlement";

    public bool SettlesOrders => true;

    /// Mints advance side by side (each under its own lock), so their ledger work and chain round trips overlap.
    public async Task RunDueAsync(string? tenantId, CancellationToken ct) =>
        await Parallel.ForEachAsync(await store.DueAsync(tenantId, time.GetUtcNow().ToUnixTimeMilliseconds(), ct),
            new ParallelOptions { MaxDegreeOfParallelism = OrderSteps.SideBySide, CancellationToken = ct },
            async (due, _) => await settlement.AdvanceAsync(due.TenantId, due.Id, firstAttempt: false));
}
