using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Sandbox;

public class OpenApiAndHealthTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Health_Endpoints_Answer_Without_A_Key()
    {
        var live = await _app.CreateClient().GetAsync("/health/live");
        ProblemAssert.IsStatus(live, HttpStatusCode.OK);
        var ready = await _app.CreateClient().GetAsync("/health/ready");
        ProblemAssert.IsStatus(ready, HttpStatusCode.OK);
        var body = await ready.JsonAsync();
        Assert.Equal("ready", body.Str("status"));
        Assert.Equal("ready", body.GetProperty("checks").Str("ledger"));
    }

    [Theory]
    [InlineData("/v1/sandbox/tenant", "get")]
    [InlineData("/v1/sandbox/reset", "post")]
    [InlineData("/v1/sandbox/faucet", "post")]
    [InlineData("/v1/sandbox/keys", "post")]
    [InlineData("/health/ready", "get")]
    [InlineData("/v1/mint", "post")]
    [InlineData("/v1/mints", "get")]
    [InlineData("/v1/mints/{id}", "get")]
    [InlineData("/v1/positions", "get")]
    [InlineData("/v1/positions/{token}", "get")]
    [InlineData("/v1/tokens", "get")]
    [InlineData("/v1/tokens/{ticker}", "get")]
    [InlineData("/v1/tokens/{ticker}/deployments", "post")]
    [InlineData("/v1/sandbox/prices/{ticker}", "post")]
    [InlineData("/v1/sandbox/prices/{ticker}", "delete")]
    [InlineData("/v1/sandbox/payout_pools", "get")]
    [InlineData("/v1/sandbox/payout_pools/{currency}/{chain}", "post")]
    [InlineData("/v1/sandbox/guardrails/redeem_cool_down", "get")]
    [InlineData("/v1/sandbox/guardrails/redeem_cool_down", "post")]
    [InlineData("/v1/webhooks", "post")]
    [InlineData("/v1/webhook_deliveries/{id}/replay", "post")]
    [InlineData("/rpc/{chain}", "post")]
    public async Task OpenApi_Documents_Every_Route_With_Problem_Responses(string path, string method)
    {
        var doc = await (await _app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var operation = doc.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
        var responses = operation.GetProperty("responses");
        if (path.StartsWith("/v1", StringComparison.Ordinal))
        {
            var problem = responses.GetProperty("401").GetProperty("content").GetProperty("application/problem+json");
            Assert.True(problem.TryGetProperty("schema", out _));
        }
        else if (path.StartsWith("/rpc", StringComparison.Ordinal))
        {
            Assert.False(responses.TryGetProperty("401", out _));
            Assert.True(responses.TryGetProperty("503", out _));
        }
    }

    [Fact]
    public async Task OpenApi_Schemas_Use_Snake_Case()
    {
        var doc = await (await _app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var tenant = doc.GetProperty("components").GetProperty("schemas").GetProperty("TenantView").GetProperty("properties");
        Assert.True(tenant.TryGetProperty("settlement_address", out _));
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("FloProblem").GetProperty("properties");
        Assert.True(problem.TryGetProperty("request_id", out _));
    }
}
