using FloSandbox.Core.Orders;
using FloSandbox.Core.Scheduling;

namespace FloSandbox.Flo.Redeems;

/// Every redeem with a step due on its tenant's clock advances: queued redeems fill when the session
/// opens, steps a dead chain deferred run again, and after a crash whatever was in flight completes.
public sealed class RedeemSettlementWork(RedeemStore store, RedeemSettlement settlement, TimeProvider time) : IDueWork
{
    public string Name => "redeem-settlement";

    public bool SettlesOrders => true;

    public async Task RunDueAsync(string? tenantId, CancellationToken ct) =>
        await Parallel.ForEachAsync(await store.DueAsync(tenantId, time.GetUtcNow().ToUnixTimeMilliseconds(), ct),
            new ParallelOptions { MaxDegreeOfParallelism = OrderSteps.SideBySide, CancellationToken = ct },
            async (due, _) => await settlement.AdvanceAsync(due.TenantId, due.Id, firstAttempt: false));
}
