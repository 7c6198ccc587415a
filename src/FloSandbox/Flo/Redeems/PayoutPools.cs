using FloSandbox.Core.Ledger;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Redeems;

/// The payout pools: each tenant has stablecoin liquidity per (currency, chain), and a payout is paid only once
/// its proceeds are drawn from the pool of its currency and chain. A redeem reaching its payout joins its pool's
/// queue; the queue is served in creation order while the pool covers the redeem at its head, so a later redeem
/// never overtakes a held one. Each draw commits with the mark that makes the redeem's payout due, so a payout
/// runs only for proceeds the pool gave, and runs after a crash too.
public sealed class PayoutPools(IOptions<RedeemOptions> options)
{
    public long DefaultMicros => Money.ToMicros(options.Value.PayoutPoolLiquidity);

    /// When a redeem its pool cannot cover looks at the pool again.
    public long RecheckAt(long nowMs) => nowMs + (long)options.Value.PayoutPoolRecheck.TotalMilliseconds;

    /// Queues the redeem at its pool (once) and serves the pool; true when the redeem's proceeds are drawn.
    public async Task<bool> TakeTurnAsync(LedgerSession ledger, RedeemRow row, long nowMs)
    {
        await PayoutPoolStore.EnqueueAsync(ledger, row.Id);
        await ServeAsync(ledger, row.TenantId, row.PayoutCurrency, row.PayoutChain, nowMs);
        return await PayoutPoolStore.DrawOfAsync(ledger, row.Id) == PayoutPoolStore.Drawn;
    }

    /// Draws for the pool's waiting redeems, oldest first, while the pool covers the next one; their payouts are
    /// due at <paramref name="nowMs"/>. Returns the redeems drawn for.
    public async Task<IReadOnlyList<string>> ServeAsync(LedgerSession ledger, string tenantId, string currency, string chain, long nowMs)
    {
        var liquidity = await PayoutPoolStore.LiquidityAsync(ledger, tenantId, currency, chain, DefaultMicros);
        var drawn = new List<string>();
        foreach (var queued in await PayoutPoolStore.QueueAsync(ledger, tenantId, currency, chain))
        {
            if (queued.ProceedsMicros > liquidity)
            {
                break;
            }
            liquidity -= queued.ProceedsMicros;
            await PayoutPoolStore.MarkDrawnAsync(ledger, queued.Id, nowMs);
            drawn.Add(queued.Id);
        }
        if (drawn.Count > 0)
        {
            await PayoutPoolStore.SetAsync(ledger, tenantId, currency, chain, liquidity);
        }
        return drawn;
    }
}
