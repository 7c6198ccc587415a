using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Orders;

namespace FloSandbox.Flo.Mints;

/// Mints whose ledger side is ahead of their chain side, for start-up reconciliation.
public sealed class MintsInFlight(MintStore store) : IInFlightOrders
{
    public async Task<IReadOnlyList<PendingStablecoin>> PendingStablecoinsAsync(CancellationToken ct) =>
        [.. (await store.PendingStablecoinsAsync(ct)).Select(p => new PendingStablecoin(p.TenantId, Enum.Parse<Currency>(p.Currency), Money.FromMicros(p.Micros)))];
}
