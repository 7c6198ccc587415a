using FloSandbox.Core.Orders;
using FloSandbox.Devchain.Contracts;

namespace FloSandbox.Flo.Bridges;

/// Bridges whose chain side and ledger side differ for now, for start-up reconciliation. The ledger takes
/// the holding off the source chain at acceptance, before the burn; the unwind and the destination mint
/// reach the chain before the ledger records them. Which of those happened is asked of the chain, by the
/// bridge's effect ids. A burn the ledger recorded and the chain lacks (a chain state saved before it) is no
/// step in flight: the bridge will not burn again, so reconciliation burns it from the ledger.
public sealed class BridgesInFlight(BridgeStore store, BridgeChainEffects effects) : IInFlightOrders
{
    public Task<IReadOnlyList<PendingStablecoin>> PendingStablecoinsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PendingStablecoin>>([]);

    public async Task<IReadOnlyList<PendingToken>> PendingTokensAsync(CancellationToken ct)
    {
        var pending = new List<PendingToken>();
        foreach (var row in await store.InFlightAsync(ct))
        {
            var source = new PendingToken(row.Token, row.FromChain, row.SourceWallet.ToLowerInvariant(), row.Quantity);
            switch (row.State)
            {
                case BridgeStatus.Queued when row.BurnTxHash is null && !await effects.AppliedAsync(row, row.FromChain, EffectStep.Burn, ct):
                case BridgeStatus.Queued when await effects.AppliedAsync(row, row.FromChain, EffectStep.Mint, ct):
                    pending.Add(source);
                    break;
                case BridgeStatus.Sent when await effects.AppliedAsync(row, row.ToChain, EffectStep.Mint, ct):
                    pending.Add(new PendingToken(row.Token, row.ToChain, row.Destination.ToLowerInvariant(), row.Quantity));
                    break;
            }
        }
        return pending;
    }
}
