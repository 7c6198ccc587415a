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
    public async Task OpenApi_Documents_Every_Route_With_Problem_Responses(string path, string method)
    {
        var doc = await (await _app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var operation = doc.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
        if (path.StartsWith("/v1", StringComparison.Ordinal))
        {
            var problem = operation.GetProperty("responses").GetProperty("401").GetProperty("content").GetProperty("application/problem+json");
            Assert.True(problem.TryGetProperty("schema", out _));
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
