using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Bridges;

public class BridgeRequestTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("base", "base")]
    [InlineData("ethereum", "ethereum")]
    [InlineData("base", "polygon")]
    [InlineData("solana", "base")]
    [InlineData("arbitrum", "moon")]
    public async Task A_Pair_Off_The_Route_Matrix_Is_Refused_With_Bridge_Route_Unsupported(string from, string to)
    {
        var client = _app.NewTenantClient();
        var response = await client.BridgeAsync("AAPL", 1, from, to);

        var problem = await ProblemAssert.IsProblemAsync(response, "bridge_route_unsupported", "/v1/bridge");
        Assert.Equal(from, problem.Str("from_chain"));
        Assert.Equal(to, problem.Str("to_chain"));
        Assert.Empty((await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task More_Than_The_Wallet_Holds_On_The_Source_Chain_Is_Refused_Saying_What_It_Holds_And_Changes_Nothing()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 2), HttpStatusCode.OK);
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 7, chain: "arbitrum"), HttpStatusCode.OK);

        var problem = await ProblemAssert.IsProblemAsync(await client.BridgeAsync(ticker, 2.5m, "base", "arbitrum"), "insufficient_position");
        Assert.Equal($"pos_{ticker}_{wallet.ToLowerInvariant()}", problem.Str("position_id"));
        Assert.Equal(("2.000000", "2.500000"), (problem.Str("held_quantity"), problem.Str("requested_quantity")));
        Assert.Contains($"holds 2.000000 {ticker} on base at {wallet}", problem.Str("detail"));
        Assert.Contains("cannot bridge 2.500000", problem.Str("detail"));

        Assert.Equal(2m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(7m, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(2m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Empty((await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_Token_Never_Held_Is_Refused_As_Holding_Zero()
    {
        var problem = await ProblemAssert.IsProblemAsync(await _app.NewTenantClient().BridgeAsync("MSFT", 1, "base", "ethereum"), "insufficient_position");
        Assert.Contains("holds 0.000000 MSFT on base", problem.Str("detail"));
    }

    [Theory]
    [InlineData("""{"token":"NOPE","quantity":1,"from_chain":"base","to_chain":"arbitrum"}""", "asset_not_found", null)]
    [InlineData("""{"token":"AAPL","quantity":0,"from_chain":"base","to_chain":"arbitrum"}""", "invalid_request", "quantity")]
    [InlineData("""{"token":"AAPL","quantity":"1.0000001","from_chain":"base","to_chain":"arbitrum"}""", "invalid_request", "quantity")]
    [InlineData("""{"token":"AAPL","quantity":1,"from_chain":"base","to_chain":"arbitrum","destination":"0x4a8B...3c9D"}""", "invalid_request", "destination")]
    [InlineData("""{"token":"AAPL","quantity":1,"from_chain":"base","to_chain":"arbitrum","source_wallet":"0x12"}""", "invalid_request", "source_wallet")]
    [InlineData("""{"token":"AAPL","quantity":1,"from_chain":"base"}""", "invalid_request", null)]
    public async Task Bad_Fields_Are_Precise_4xx(string body, string code, string? param)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _app.NewTenantClient().PostJsonAsync("/v1/bridge", body), code);
        if (param is not null)
        {
            Assert.Equal(param, problem.Str("param"));
        }
    }

    [Fact]
    public async Task A_Retry_With_The_Same_Key_Replays_The_Bridge_And_Moves_The_Tokens_Once()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 5), HttpStatusCode.OK);

        var first = await client.BridgeAsync(ticker, 2, "base", "ethereum", headers: ("Idempotency-Key", "bridge-once"));
        var second = await client.BridgeAsync(ticker, 2, "base", "ethereum", headers: ("Idempotency-Key", "bridge-once"));
        ProblemAssert.IsStatus(second, HttpStatusCode.OK);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        var other = await client.BridgeAsync(ticker, 3, "base", "ethereum", headers: ("Idempotency-Key", "bridge-once"));
        await ProblemAssert.IsProblemAsync(other, "idempotency_mismatch");

        Assert.Single((await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
    }

    [Fact]
    public async Task Bridges_List_Newest_First_In_Pages()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 3), HttpStatusCode.OK);
        var ids = new List<string>();
        foreach (var to in new[] { "arbitrum", "ethereum", "arbitrum" })
        {
            ids.Add((await (await client.BridgeAsync(ticker, 1, "base", to)).JsonAsync()).Str("id"));
        }

        var page1 = await (await client.GetAsync("/v1/bridges?limit=2")).JsonAsync();
        Assert.Equal("list", page1.Str("object"));
        Assert.Equal([ids[2], ids[1]], page1.GetProperty("data").EnumerateArray().Select(b => b.Str("id")));
        Assert.True(page1.GetProperty("has_more").GetBoolean());
        Assert.Equal(ids[1], page1.Str("next_cursor"));

        var page2 = await (await client.GetAsync($"/v1/bridges?limit=2&starting_after={ids[1]}")).JsonAsync();
        Assert.Equal([ids[0]], page2.GetProperty("data").EnumerateArray().Select(b => b.Str("id")));
        Assert.False(page2.GetProperty("has_more").GetBoolean());

        var delivered = await (await client.GetAsync("/v1/bridges?status=delivered", ("X-Flo-Clock", "+2m"))).JsonAsync();
        Assert.Equal(3, delivered.GetProperty("data").GetArrayLength());
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/bridges?status=lost"), "invalid_request");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/bridges?starting_after=brg_nope"), "invalid_request");
        var missing = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/bridges/brg_nope"), "resource_not_found");
        Assert.Equal("bridge", missing.Str("resource"));
    }

    [Fact]
    public async Task Dvn_Settings_Name_Only_The_Four_Dvns_And_Reset_Restores_The_Defaults()
    {
        var client = _app.NewTenantClient();
        var unknown = await ProblemAssert.IsProblemAsync(await client.PostJsonAsync("/v1/sandbox/dvns", """{"withhold":["Chainlink"]}"""), "invalid_request");
        Assert.Equal("withhold[0]", unknown.Str("param"));
        var negative = await ProblemAssert.IsProblemAsync(
            await client.PostJsonAsync("/v1/sandbox/dvns", """{"delays":[{"dvn":"Polyhedra","seconds":-1}]}"""), "invalid_request");
        Assert.Equal("delays[0].seconds", negative.Str("param"));

        var set = await (await client.PostJsonAsync("/v1/sandbox/dvns",
            """{"withhold":["google cloud"],"delays":[{"dvn":"Nethermind","seconds":30}]}""")).JsonAsync();
        Assert.Equal("dvn_settings", set.Str("object"));
        Assert.Equal(
            [("LayerZero Labs", false, 0), ("Google Cloud", true, 0), ("Polyhedra", false, 0), ("Nethermind", false, 30)],
            set.GetProperty("dvns").EnumerateArray().Select(d => (d.Str("name"), d.GetProperty("withheld").GetBoolean(), d.GetProperty("delay_seconds").GetInt32())));
        Assert.Equal(set.GetRawText(), (await (await client.GetAsync("/v1/sandbox/dvns")).JsonAsync()).GetRawText());

        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/reset", "{}"), HttpStatusCode.OK);
        var after = await (await client.GetAsync("/v1/sandbox/dvns")).JsonAsync();
        Assert.All(after.GetProperty("dvns").EnumerateArray(), d => Assert.False(d.GetProperty("withheld").GetBoolean()));
    }
}
