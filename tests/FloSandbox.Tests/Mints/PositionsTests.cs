using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

public class PositionsTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Position_Sums_Its_Chains_And_Equals_The_On_Chain_Balances()
    {
        var client = _app.NewTenantClient();
        var wallet = MintHelpers.RandomWallet();
        var onBase = await (await client.MintAsync("NVDA", 2, wallet: wallet)).JsonAsync();
        await client.MintAsync("NVDA", 3.5m, chain: "arbitrum", wallet: wallet);

        var position = await (await client.GetAsync($"/v1/positions/NVDA?wallet={wallet}")).JsonAsync();
        Assert.Equal("position", position.Str("object"));
        Assert.Equal("NVDA", position.Str("token"));
        Assert.Equal("5.500000", position.Str("quantity"));
        var price = position.GetProperty("nav").Dec("price");
        Assert.Equal(Math.Round(price * 5.5m, 2, MidpointRounding.AwayFromZero), position.Dec("nav_usdc"));
        Assert.Equal(2400, position.GetProperty("yield").GetProperty("gross_apy_bps").GetInt32() + 2260);
        Assert.StartsWith("https://attest.flo.finance/ATT-", position.Str("attestation_url"));

        var token = onBase.GetProperty("contract").Str("address");
        var onChain = await ChainReads.BalanceOfAsync(client, "base", token, wallet) + await ChainReads.BalanceOfAsync(client, "arbitrum", token, wallet)
            + await ChainReads.BalanceOfAsync(client, "ethereum", token, wallet);
        Assert.Equal(5.5m, onChain);
        Assert.Equal(["arbitrum", "base"], position.GetProperty("chains").EnumerateArray().Select(c => c.Str("chain")).Order());

        var detail = await (await client.GetAsync("/v1/tokens/NVDA")).JsonAsync();
        Assert.Equal("5.500000", detail.Str("supply"));
        var byChain = detail.GetProperty("distribution").EnumerateArray().ToDictionary(d => d.Str("chain"), d => d.Str("supply"));
        Assert.Equal("2.000000", byChain["base"]);
        Assert.Equal("3.500000", byChain["arbitrum"]);
        Assert.Equal("0.000000", byChain["ethereum"]);
        var all = FloSandbox.Core.Market.TokenCatalog.Default.All;
        var before = all[all.ToList().FindIndex(t => t.Ticker == "NVDA") - 1].Ticker;
        var listed = await (await client.GetAsync($"/v1/tokens?limit=1&starting_after={before}")).JsonAsync();
        Assert.Equal("NVDA", listed.GetProperty("data")[0].Str("ticker"));
        Assert.Equal("5.500000", listed.GetProperty("data")[0].Str("supply"));
    }

    [Fact]
    public async Task Positions_Default_To_The_Settlement_Address_And_Unknown_Holdings_Are_Not_Found()
    {
        var client = _app.NewTenantClient();
        await client.MintAsync("TLT", 1);
        Assert.Equal("1.000000", (await (await client.GetAsync("/v1/positions/TLT")).JsonAsync()).Str("quantity"));

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/positions/IEF"), "position_not_found");
        Assert.StartsWith("pos_IEF_0x", problem.Str("position_id"));
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/positions/NOPE9"), "asset_not_found");
        var other = await _app.NewTenantClient().GetAsync($"/v1/positions/TLT?wallet={(await client.TenantAsync()).Str("settlement_address")}");
        await ProblemAssert.IsProblemAsync(other, "position_not_found");
        var bad = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/positions/TLT?wallet=0x123"), "invalid_request");
        Assert.Equal("wallet", bad.Str("param"));
    }

    [Fact]
    public async Task Positions_List_Pages_And_Filters()
    {
        var client = _app.NewTenantClient();
        var wallet = MintHelpers.RandomWallet();
        await client.MintAsync("AAPL", 1);
        await client.MintAsync("MSFT", 1);
        await client.MintAsync("MSFT", 1, wallet: wallet);

        var all = await (await client.GetAsync("/v1/positions?limit=2")).JsonAsync();
        Assert.Equal(2, all.GetProperty("data").GetArrayLength());
        Assert.True(all.GetProperty("has_more").GetBoolean());
        var rest = await (await client.GetAsync($"/v1/positions?limit=2&starting_after={all.Str("next_cursor")}")).JsonAsync();
        Assert.Single(rest.GetProperty("data").EnumerateArray());
        Assert.False(rest.GetProperty("has_more").GetBoolean());

        var msft = await (await client.GetAsync("/v1/positions?token=MSFT")).JsonAsync();
        Assert.Equal(2, msft.GetProperty("data").GetArrayLength());
        var byWallet = await (await client.GetAsync($"/v1/positions?wallet={wallet}")).JsonAsync();
        Assert.Equal("MSFT", Assert.Single(byWallet.GetProperty("data").EnumerateArray()).Str("token"));
    }

    [Fact]
    public async Task Reset_Burns_The_Tenants_Tokens_On_Chain()
    {
        var client = _app.NewTenantClient();
        var wallet = MintHelpers.RandomWallet();
        var mint = await (await client.MintAsync("SGOV", 3, wallet: wallet)).JsonAsync();
        var token = mint.GetProperty("contract").Str("address");
        Assert.Equal(3m, await ChainReads.BalanceOfAsync(client, "base", token, wallet));

        await client.PostJsonAsync("/v1/sandbox/reset", "");
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", token, wallet));
        Assert.Equal(0, (await (await client.GetAsync("/v1/positions")).JsonAsync()).GetProperty("data").GetArrayLength());
        Assert.Equal(0, (await (await client.GetAsync("/v1/mints")).JsonAsync()).GetProperty("data").GetArrayLength());
    }
}
