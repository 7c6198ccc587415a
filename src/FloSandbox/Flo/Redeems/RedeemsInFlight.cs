using FloSandbox.Core.Ledger;
using FloSandbox.Core.Orders;

namespace FloSandbox.Flo.Redeems;

/// Redeems whose ledger side is ahead of their chain side, for start-up reconciliation: a holding taken
/// out and not yet burned, or given back and not yet restored. Payouts credit the ledger only once paid.
public sealed class RedeemsInFlight(RedeemStore store) : IInFlightOrders
{
    public Task<IReadOnlyList<PendingStablecoin>> PendingStablecoinsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PendingStablecoin>>([]);

    public async Task<IReadOnlyList<PendingToken>> PendingTokensAsync(CancellationToken ct) =>
        [.. (await store.PendingTokensAsync(ct)).Where(p => p.Micros != 0).Select(p => new PendingToken(p.Ticker, p.Chain, p.Wallet, Money.FromMicros(p.Micros)))];
}
