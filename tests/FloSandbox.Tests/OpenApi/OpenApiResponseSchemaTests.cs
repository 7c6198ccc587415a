using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// Real responses checked against the schemas the document gives them (with NJsonSchema's validator, as
/// NSwag reads the document), so the wire formats and enums the document adds cannot drift from the wire.
public sealed class OpenApiResponseSchemaTests
{
    [Fact]
    public async Task A_Settled_Mint_And_Its_Listing_Match_Their_Schemas()
    {
        var client = SandboxFactory.Shared.NewTenantClient();

        var mint = await client.PostJsonAsync("/v1/mint", """{"asset":"AAPL","quantity":"2.5","settlement":{"currency":"USDC","chain":"base"}}""");
        await ResponseSchemas.AssertMatchesAsync("MintView", mint);
        await ResponseSchemas.AssertMatchesAsync("ListResponseOfMintView", await client.GetAsync("/v1/mints"));
        await ResponseSchemas.AssertMatchesAsync("PositionView", await client.GetAsync("/v1/positions/AAPL"));
    }

    [Fact]
    public async Task Settled_And_Failed_Redeems_And_Their_Listing_Match_Their_Schemas()
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        var mint = await (await client.PostJsonAsync("/v1/mint", """{"asset":"AAPL","quantity":"3","settlement":{"currency":"USDC","chain":"base"}}""")).JsonAsync();

        await ResponseSchemas.AssertMatchesAsync("RedeemView", await client.RedeemAsync(mint.Str("id"), 1m));
        await ResponseSchemas.AssertMatchesAsync("RedeemView", await client.RedeemAsync(mint.Str("id"), 1m, headers: ("X-Flo-Fail-At", "fill")));
        await ResponseSchemas.AssertMatchesAsync("ListResponseOfRedeemView", await client.GetAsync("/v1/redeems"));
    }

    [Fact]
    public async Task Payout_Pools_Cool_Down_Settings_A_Swapped_Or_Held_Redeem_And_A_Cool_Down_Refusal_Match_Their_Schemas()
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        var mint = await client.SettledMintAsync(10m);

        await ResponseSchemas.AssertMatchesAsync("PayoutPoolsView", await client.GetAsync("/v1/sandbox/payout_pools"));
        await ResponseSchemas.AssertMatchesAsync("PayoutPoolView", await client.PostJsonAsync("/v1/sandbox/payout_pools/USDT/base", """{"liquidity_usdc":"500"}"""));
        await ResponseSchemas.AssertMatchesAsync("RedeemView", await client.RedeemAsync(mint.Str("id"), 1m, currency: "USDT"));
        await ResponseSchemas.AssertMatchesAsync("RedeemView", await client.RedeemAsync(mint.Str("id"), 5m, currency: "USDT"));
        await ResponseSchemas.AssertMatchesAsync("PayoutPoolsView", await client.GetAsync("/v1/sandbox/payout_pools"));
        await ResponseSchemas.AssertMatchesAsync("RedeemCoolDownView", await client.PostJsonAsync("/v1/sandbox/guardrails/redeem_cool_down",
            """{"enabled":true,"ratio_bps":1000,"cool_down_seconds":60}"""));
        await ResponseSchemas.AssertMatchesAsync("GuardrailTriggeredProblem", await client.RedeemAsync(mint.Str("id"), 2m));
        await ResponseSchemas.AssertMatchesAsync("RedeemCoolDownView", await client.GetAsync("/v1/sandbox/guardrails/redeem_cool_down"));
    }

    [Fact]
    public async Task A_Body_Off_The_Schema_Is_Caught()
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        var body = await (await client.PostJsonAsync("/v1/mint", """{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"}}""")).Content.ReadAsStringAsync();
        var schema = await ResponseSchemas.SchemaAsync("MintView");

        var errors = schema.Validate(body.Replace("\"settled\"", "\"bogus\"", StringComparison.Ordinal)
            .Replace("\"quantity\":\"1.000000\"", "\"quantity\":\"1e0\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Path == "#/status");
        Assert.Contains(errors, e => e.Path == "#/quantity");
    }

    [Fact]
    public async Task Tenant_Token_Faucet_And_Price_Responses_Match_Their_Schemas()
    {
        var client = SandboxFactory.Shared.NewTenantClient();

        await ResponseSchemas.AssertMatchesAsync("TenantView", await client.GetAsync("/v1/sandbox/tenant"));
        await ResponseSchemas.AssertMatchesAsync("TokenDetail", await client.GetAsync("/v1/tokens/NVDA"));
        await ResponseSchemas.AssertMatchesAsync("ListResponseOfTokenSummary", await client.GetAsync("/v1/tokens?limit=3"));
        await ResponseSchemas.AssertMatchesAsync("FaucetResponse", await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":"250.5"}"""));
        await ResponseSchemas.AssertMatchesAsync("PriceOverrideView", await client.PostJsonAsync("/v1/sandbox/prices/TSLA", """{"shock_pct":-30}"""));
    }

    [Theory]
    [InlineData("GET", "/v1/tokens/NOPE", null, "AssetNotFoundProblem")]
    [InlineData("POST", "/v1/sandbox/faucet", """{"currency":"EUR","amount":1}""", "InvalidRequestProblem")]
    [InlineData("POST", "/v1/mint", """{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"}}""", "InsufficientFundsProblem")]
    public async Task Problem_Bodies_Match_Their_Code_Schemas(string method, string path, string? body, string schemaName)
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        var headers = schemaName == "InsufficientFundsProblem" ? new[] { ("X-Flo-Error", "insufficient_funds") } : [];

        var response = await client.SendJsonAsync(new HttpMethod(method), path, body, headers);

        Assert.False(response.IsSuccessStatusCode);
        await ResponseSchemas.AssertMatchesAsync(schemaName, response);
        await ResponseSchemas.AssertMatchesAsync("FloProblem", response);
    }
}
