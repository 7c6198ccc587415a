using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

public class EnsureDeployedTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Before_Deployment_The_Token_Shows_Its_Predicted_Address_On_Every_Chain()
    {
        var ticker = TestTickers.Unique();
        var token = await (await _app.NewTenantClient().GetAsync($"/v1/tokens/{ticker}")).JsonAsync();
        var contracts = token.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contract")).ToList();
        Assert.Equal(3, contracts.Count);
        Assert.All(contracts, c => Assert.False(c.GetProperty("deployed").GetBoolean()));
        Assert.Single(contracts.Select(c => c.Str("address")).Distinct());
        Assert.Equal([8453, 42161, 1], token.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("chain_id").GetInt32()));
    }

    [Fact]
    public async Task Ensure_Deployed_Deploys_Once_At_The_Predicted_Address_And_Is_Idempotent()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var predicted = (await (await client.GetAsync($"/v1/tokens/{ticker}")).JsonAsync()).GetProperty("distribution")[0].GetProperty("contract").Str("address");

        var first = await client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"arbitrum"}""");
        ProblemAssert.IsStatus(first, HttpStatusCode.Created);
        var deployed = await first.JsonAsync();
        Assert.Equal("token_deployment", deployed.Str("object"));
        Assert.True(deployed.GetProperty("deployed").GetBoolean());
        Assert.Equal(predicted, deployed.Str("address"));
        Assert.Equal(42161, deployed.GetProperty("chain_id").GetInt32());
        Assert.Matches("^0x[0-9a-f]{64}$", deployed.Str("tx_hash"));
        Assert.InRange(deployed.GetProperty("gas_used").GetInt64(), 100_000, 5_000_000);
        Assert.NotEqual("0x", await ChainReads.CodeAtAsync(client, "arbitrum", predicted));

        var again = await client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"arbitrum"}""");
        ProblemAssert.IsStatus(again, HttpStatusCode.OK);
        var existing = await again.JsonAsync();
        Assert.False(existing.GetProperty("deployed").GetBoolean());
        Assert.Equal(deployed.Str("tx_hash"), existing.Str("tx_hash"));
        Assert.Equal(deployed.GetProperty("gas_used").GetInt64(), existing.GetProperty("gas_used").GetInt64());

        var detail = await (await client.GetAsync($"/v1/tokens/{ticker}")).JsonAsync();
        var byChain = detail.GetProperty("distribution").EnumerateArray().ToDictionary(d => d.Str("chain"), d => d.GetProperty("contract"));
        Assert.True(byChain["arbitrum"].GetProperty("deployed").GetBoolean());
        Assert.False(byChain["base"].GetProperty("deployed").GetBoolean());
        Assert.Equal("0x", await ChainReads.CodeAtAsync(client, "base", predicted));
    }

    [Fact]
    public async Task Another_Chain_Gets_The_Same_Address()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var onBase = await (await client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"base"}""")).JsonAsync();
        var onEthereum = await (await client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"ethereum"}""")).JsonAsync();
        Assert.True(onEthereum.GetProperty("deployed").GetBoolean());
        Assert.Equal(onBase.Str("address"), onEthereum.Str("address"));
    }

    [Fact]
    public async Task Concurrent_Calls_Deploy_Once()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"base"}""")));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("""{"chain":"polygon"}""", "not live yet")]
    [InlineData("""{"chain":"solana"}""", "not live yet")]
    [InlineData("""{"chain":"mars"}""", "must be one of base, arbitrum, ethereum")]
    [InlineData("""{"chain":"Base"}""", "must be one of")]
    public async Task Chains_That_Are_Not_Live_Are_Refused(string json, string detail)
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/tokens/AAPL/deployments", json);
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("chain", body.Str("param"));
        Assert.Contains(detail, body.Str("detail"));
    }

    [Fact]
    public async Task Unknown_Ticker_Is_Asset_Not_Found()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/tokens/QQQQQQ/deployments", """{"chain":"base"}""");
        await ProblemAssert.IsProblemAsync(response, "asset_not_found");
    }
}
