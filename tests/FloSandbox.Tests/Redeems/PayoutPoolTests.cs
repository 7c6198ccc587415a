using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// Each tenant's payout pools (one per currency and chain) pay redeems out only what they hold: a redeem its
/// pool cannot cover stays filled until the pool is raised, and held redeems are paid oldest first.
public class PayoutPoolTests
{
    private const string TxHash = "^0x[0-9a-f]{64}$";
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Every_Pool_Starts_At_The_Default_And_A_Payout_Draws_From_Its_Own_Pool_Only()
    {
        var client = _app.NewTenantClient();

        var pools = await (await client.GetAsync("/v1/sandbox/payout_pools")).JsonAsync();

        Assert.Equal("payout_pools", pools.Str("object"));
        Assert.Equal("10000000.00", pools.Str("default_liquidity_usdc"));
        var all = pools.GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(["USDC/arbitrum", "USDC/base", "USDC/ethereum", "USDT/arbitrum", "USDT/base", "USDT/ethereum"],
            all.Select(p => $"{p.Str("currency")}/{p.Str("chain")}").Order(StringComparer.Ordinal));
        Assert.All(all, p =>
        {
            Assert.Equal("payout_pool", p.Str("object"));
            Assert.Equal("10000000.00", p.Str("liquidity_usdc"));
            Assert.Equal(0, p.GetProperty("held_redeems").GetInt32());
            Assert.Equal("0.00", p.Str("held_usdc"));
        });

        var mint = await client.SettledMintAsync(4m);
        var redeem = await (await client.RedeemAsync(mint.Str("id"), 4m, chain: "arbitrum")).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal("399.44", redeem.Str("proceeds_usdc"));
        Assert.Equal("9999600.56", (await client.PoolAsync("USDC", "arbitrum")).Str("liquidity_usdc"));
        Assert.Equal("10000000.00", (await client.PoolAsync("USDC", "base")).Str("liquidity_usdc"));
        Assert.Equal("10000000.00", (await client.PoolAsync("USDT", "arbitrum")).Str("liquidity_usdc"));
        Assert.Equal("10000000.00", (await _app.NewTenantClient().PoolAsync("USDC", "arbitrum")).Str("liquidity_usdc"));
    }

    [Fact]
    public async Task A_Redeem_Its_Pool_Cannot_Cover_Stays_Filled_Without_A_Payout_Until_The_Pool_Is_Raised()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(10m);
        var balance = await client.BalanceAsync();
        Assert.Equal("100.00", (await client.SetPoolAsync("USDC", "base", 100m)).Str("liquidity_usdc"));

        var held = await (await client.RedeemAsync(mint.Str("id"), 4m)).JsonAsync();

        Assert.Equal("filled", held.Str("status"));
        Assert.Equal("399.44", held.Str("proceeds_usdc"));
        Assert.Matches(TxHash, held.GetProperty("source").Str("burn_tx_hash"));
        Assert.Equal(JsonValueKind.Null, held.GetProperty("payout").GetProperty("tx_hash").ValueKind);
        Assert.Equal(JsonValueKind.Null, held.GetProperty("settled_at").ValueKind);
        var pool = await client.PoolAsync("USDC", "base");
        Assert.Equal("100.00", pool.Str("liquidity_usdc"));
        Assert.Equal(1, pool.GetProperty("held_redeems").GetInt32());
        Assert.Equal("399.44", pool.Str("held_usdc"));

        // Minutes later on the tenant clock it has looked at its pool again: still held, nothing paid, no event.
        var later = await (await client.GetAsync($"/v1/redeems/{held.Str("id")}", ("X-Flo-Clock", "+3m"))).JsonAsync();
        Assert.Equal("filled", later.Str("status"));
        Assert.Equal(["redeem.queued", "redeem.filled"], await _app.EventTypesAsync(client, "redeem"));
        Assert.Equal(balance, await client.BalanceAsync());
        Assert.Equal(balance, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));

        var raised = await client.SetPoolAsync("USDC", "base", 1000m);

        Assert.Equal("600.56", raised.Str("liquidity_usdc"));
        Assert.Equal(0, raised.GetProperty("held_redeems").GetInt32());
        var settled = await (await client.GetAsync($"/v1/redeems/{held.Str("id")}")).JsonAsync();
        Assert.Equal("settled", settled.Str("status"));
        Assert.Matches(TxHash, settled.GetProperty("payout").Str("tx_hash"));
        await client.AssertPaidOnChainAsync(settled);
        Assert.Equal(balance + 399.44m, await client.BalanceAsync());
        Assert.Equal(balance + 399.44m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(["redeem.queued", "redeem.filled", "redeem.settled"], await _app.EventTypesAsync(client, "redeem"));
    }

    [Fact]
    public async Task Held_Redeems_Are_Paid_Oldest_First_And_A_Later_Smaller_One_Does_Not_Overtake()
    {
        var client = _app.NewTenantClient();
        var wallet = MintHelpers.RandomWallet();
        var mint = await client.SettledMintAsync(10m);
        await client.SetPoolAsync("USDT", "arbitrum", 0m);
        var first = await (await client.RedeemAsync(mint.Str("id"), 3m, chain: "arbitrum", currency: "USDT", wallet: wallet)).JsonAsync();
        var second = await (await client.RedeemAsync(mint.Str("id"), 1m, chain: "arbitrum", currency: "USDT", wallet: wallet)).JsonAsync();
        Assert.Equal(("filled", "299.57"), (first.Str("status"), first.Str("proceeds_usdc")));
        Assert.Equal(("filled", "99.85"), (second.Str("status"), second.Str("proceeds_usdc")));

        // Enough for the later, smaller redeem, not for the older one at the head of the queue: nothing moves.
        var short1 = await client.SetPoolAsync("USDT", "arbitrum", 150m);
        Assert.Equal(("150.00", 2, "399.42"), (short1.Str("liquidity_usdc"), short1.GetProperty("held_redeems").GetInt32(), short1.Str("held_usdc")));
        Assert.Equal(["filled", "filled"], await StatusesAsync(client, first, second));

        var short2 = await client.SetPoolAsync("USDT", "arbitrum", 300m);
        Assert.Equal(("0.43", 1, "99.85"), (short2.Str("liquidity_usdc"), short2.GetProperty("held_redeems").GetInt32(), short2.Str("held_usdc")));
        Assert.Equal(["settled", "filled"], await StatusesAsync(client, first, second));
        Assert.Equal(299.57m, await ChainReads.BalanceOfAsync(client, "arbitrum", ChainReads.Usdt, wallet));

        var enough = await client.SetPoolAsync("USDT", "arbitrum", 100m);
        Assert.Equal(("0.15", 0), (enough.Str("liquidity_usdc"), enough.GetProperty("held_redeems").GetInt32()));
        Assert.Equal(["settled", "settled"], await StatusesAsync(client, first, second));
        Assert.Equal(399.42m, await ChainReads.BalanceOfAsync(client, "arbitrum", ChainReads.Usdt, wallet));
        await client.AssertPaidOnChainAsync(await (await client.GetAsync($"/v1/redeems/{second.Str("id")}")).JsonAsync());
    }

    [Fact]
    public async Task A_Reset_Returns_Every_Pool_To_The_Default()
    {
        var client = _app.NewTenantClient();
        await client.SetPoolAsync("USDT", "ethereum", 5m);

        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/reset", "{}"), HttpStatusCode.OK);

        Assert.Equal("10000000.00", (await client.PoolAsync("USDT", "ethereum")).Str("liquidity_usdc"));
    }

    [Theory]
    [InlineData("EUR", "base", """{"liquidity_usdc":"5"}""", "currency")]
    [InlineData("usdc", "base", """{"liquidity_usdc":"5"}""", "currency")]
    [InlineData("USDC", "solana", """{"liquidity_usdc":"5"}""", "chain")]
    [InlineData("USDC", "base", """{"liquidity_usdc":"-0.01"}""", "liquidity_usdc")]
    [InlineData("USDC", "base", """{"liquidity_usdc":"1.005"}""", "liquidity_usdc")]
    [InlineData("USDC", "base", """{"liquidity_usdc":"1000000000000.01"}""", "liquidity_usdc")]
    [InlineData("USDC", "base", "{}", "liquidity_usdc")]
    public async Task Bad_Pool_Input_Is_A_400_Naming_The_Param_And_Changes_Nothing(string currency, string chain, string body, string param)
    {
        var client = _app.NewTenantClient();
        var before = (await (await client.GetAsync("/v1/sandbox/payout_pools")).JsonAsync()).GetRawText();

        var problem = await ProblemAssert.IsProblemAsync(await client.PostJsonAsync($"/v1/sandbox/payout_pools/{currency}/{chain}", body), "invalid_request");

        Assert.Equal(param, problem.Str("param"));
        Assert.Equal(before, (await (await client.GetAsync("/v1/sandbox/payout_pools")).JsonAsync()).GetRawText());
    }

    private static async Task<string[]> StatusesAsync(HttpClient client, params JsonElement[] redeems) =>
        [.. await Task.WhenAll(redeems.Select(async r => (await (await client.GetAsync($"/v1/redeems/{r.Str("id")}")).JsonAsync()).Str("status")))];
}
