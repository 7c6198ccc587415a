using FloSandbox.Core.Orders;
using FloSandbox.Core.Scheduling;

namespace FloSandbox.Flo.Bridges;

/// Every bridge with a step due on its tenant's clock advances: burns a dead chain deferred, quorums that
/// formed, destination mints and unwinds. Runs on the scheduler's poll, right after `X-Flo-Clock` moves a
/// clock, and at start before the sandbox serves.
public sealed class BridgeSettlementWork(BridgeStore store, BridgeSettlement settlement, TimeProvider time) : IDueWork
{
    public string Name => "bridge-settlement";

    public bool SettlesOrders => true;

    public async Task RunDueAsync(string? tenantId, CancellationToken ct) =>
        await Parallel.ForEachAsync(await store.DueAsync(tenantId, time.GetUtcNow().ToUnixTimeMilliseconds(), ct),
            new ParallelOptions { MaxDegreeOfParallelism = OrderSteps.SideBySide, CancellationToken = ct },
            async (due, _) => await settlement.AdvanceAsync(due.TenantId, due.Id));
}
