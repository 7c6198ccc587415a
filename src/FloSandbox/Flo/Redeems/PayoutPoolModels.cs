namespace FloSandbox.Flo.Redeems;

/// `POST /v1/sandbox/payout_pools/{currency}/{chain}`: what the pool holds from now on, in dollars.
public sealed record SetPayoutPoolRequest(decimal? LiquidityUsdc = null);

/// One payout pool of the tenant: what it holds, and the redeems it holds back until it covers them.
public sealed record PayoutPoolView(string Currency, string Chain, string LiquidityUsdc, int HeldRedeems, string HeldUsdc)
{
    public string Object => "payout_pool";
}

/// Every payout pool of the tenant, one per currency and live chain, and what a pool holds until it is set.
public sealed record PayoutPoolsView(string DefaultLiquidityUsdc, IReadOnlyList<PayoutPoolView> Pools)
{
    public string Object => "payout_pools";
}
