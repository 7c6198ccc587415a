using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Redeems;

/// `GET /v1/sandbox/payout_pools` and `POST /v1/sandbox/payout_pools/{currency}/{chain}` (sandbox-only): the
/// tenant's payout pools, and setting what one holds. Setting a pool serves its queue in the same transaction;
/// the payouts it releases then run while the request waits (up to `Redeems:InlineWait`, and on regardless).
public sealed class PayoutPoolService(LedgerDatabase db, PayoutPools pools, RedeemSettlement settlement, IOptions<RedeemOptions> options)
{
    public const decimal MaxLiquidity = 1_000_000_000_000m;

    public async Task<PayoutPoolsView> GetAsync(TenantContext caller, CancellationToken ct) =>
        await db.ReadAsync(ledger => ViewAsync(ledger, caller.TenantId), ct);

    public async Task<PayoutPoolView> SetAsync(TenantContext caller, string currency, string chain, SetPayoutPoolRequest request, CancellationToken ct)
    {
        if (!Currencies.TryParse(currency, out var coin))
        {
            throw FloException.Invalid("currency", $"currency must be \"USDC\" or \"USDT\"; got \"{currency}\".");
        }
        chain = SettlementChains.RequireLive(chain, "chain");
        if (request.LiquidityUsdc is not { } liquidity)
        {
            throw FloException.Invalid("liquidity_usdc", "liquidity_usdc is required: the dollars the pool holds from now on.");
        }
        if (liquidity < 0 || liquidity > MaxLiquidity)
        {
            throw FloException.Invalid("liquidity_usdc", $"liquidity_usdc must be from 0 to {MaxLiquidity:0}; got {liquidity}.");
        }
        if (Money.SignificantDecimalPlaces(liquidity) > 2)
        {
            throw FloException.Invalid("liquidity_usdc", $"liquidity_usdc is in dollars and cents (at most 2 decimal places); got {liquidity}.");
        }

        var nowMs = caller.Now.ToUnixTimeMilliseconds();
        var released = await db.WriteAsync(async ledger =>
        {
            await PayoutPoolStore.SetAsync(ledger, caller.TenantId, coin.ToString(), chain, Money.ToMicros(liquidity));
            return await pools.ServeAsync(ledger, caller.TenantId, coin.ToString(), chain, nowMs);
        }, ct);
        if (released.Count > 0)
        {
            try
            {
                await Task.WhenAll(released.Select(id => settlement.AdvanceAsync(caller.TenantId, id, firstAttempt: false)))
                    .WaitAsync(options.Value.InlineWait, ct);
            }
            catch (TimeoutException)
            {
                // Their payouts are due now: they go on, and the scheduler finishes whatever this wait did not.
            }
        }
        var view = await db.ReadAsync(ledger => ViewAsync(ledger, caller.TenantId), CancellationToken.None);
        return view.Pools.Single(p => p.Currency == coin.ToString() && p.Chain == chain);
    }

    private async Task<PayoutPoolsView> ViewAsync(LedgerSession ledger, string tenantId)
    {
        var set = (await PayoutPoolStore.PoolsAsync(ledger, tenantId)).ToDictionary(p => (p.Currency, p.Chain), p => p.LiquidityMicros);
        var held = (await PayoutPoolStore.HeldAsync(ledger, tenantId)).ToDictionary(h => (h.Currency, h.Chain));
        var views = from currency in Currencies.All.Select(c => c.ToString())
                    from chain in SettlementChains.Live
                    let waiting = held.GetValueOrDefault((currency, chain))
                    select new PayoutPoolView(currency, chain, Usd(set.GetValueOrDefault((currency, chain), pools.DefaultMicros)),
                        (int)(waiting?.Count ?? 0), Usd(waiting?.Micros ?? 0));
        return new PayoutPoolsView(Usd(pools.DefaultMicros), [.. views]);
    }

    private static string Usd(long micros) => Money.Usd(Money.FromMicros(micros));
}
