using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Orders;
using FloSandbox.Devchain.Contracts;

namespace FloSandbox.Flo.Redeems;

/// Redeems whose chain side and ledger side differ for now, for start-up reconciliation, counted only for
/// steps still to run: the holding is taken out at acceptance, before the burn; given back at a failure,
/// before the restore; and a payout to a settlement address reaches the chain before the ledger credits it.
/// Whether the chain already applied a step (the process died between the two) is asked of the chain, by
/// the redeem's effect ids.
public sealed class RedeemsInFlight(RedeemStore store, RedeemChainEffects effects) : IInFlightOrders
{
    public async Task<IReadOnlyList<PendingStablecoin>> PendingStablecoinsAsync(CancellationToken ct)
    {
        var pending = new List<PendingStablecoin>();
        foreach (var row in await store.InFlightAsync(ct))
        {
            if (row is { State: RedeemStatus.Filled, PayoutTxHash: null, PayeeTenantId: { } payee }
                && await effects.AppliedAsync(row, row.PayoutChain, EffectStep.Payout, ct))
            {
                pending.Add(new PendingStablecoin(payee, Enum.Parse<Currency>(row.PayoutCurrency), row.Proceeds));
            }
        }
        return pending;
    }

    public async Task<IReadOnlyList<PendingToken>> PendingTokensAsync(CancellationToken ct)
    {
        var pending = new List<PendingToken>();
        foreach (var row in await store.InFlightAsync(ct))
        {
            var wallet = row.Wallet.ToLowerInvariant();
            switch (row.State)
            {
                case RedeemStatus.Queued or RedeemStatus.Filled when row.BurnTxHash is null
                    && !await effects.AppliedAsync(row, row.Chain, EffectStep.Burn, ct):
                    pending.Add(new PendingToken(row.Asset, row.Chain, wallet, row.Quantity));
                    break;
                case RedeemStatus.Failed when row.BurnTxHash is not null && row.RestoreTxHash is null
                    && !await effects.AppliedAsync(row, row.Chain, EffectStep.Mint, ct):
                    pending.Add(new PendingToken(row.Asset, row.Chain, wallet, -row.Quantity));
                    break;
            }
        }
        return pending;
    }
}
