using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

/// Authentication follows the endpoint that runs, not the spelling of the path.
public sealed class RoutingTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("/V1/tokens/{0}/deployments")]
    [InlineData("/v1/TOKENS/{0}/deployments")]
    [InlineData("/v1/tokens/{0}/deployments/")]
    [InlineData("/%76%31/tokens/{0}/deployments")]
    [InlineData("/v1/tokens/{0}/%64eployments")]
    public async Task Odd_Spellings_Of_A_Route_Still_Need_A_Key(string template)
    {
        var ticker = TestTickers.Unique();
        var anonymous = _app.CreateClient();

        var response = await anonymous.PostJsonAsync(string.Format(template, ticker), """{"chain":"base"}""");

        await ProblemAssert.IsProblemAsync(response, "unauthorized", response.RequestMessage!.RequestUri!.AbsolutePath);
        var deployed = await _app.NewTenantClient().PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"base"}""");
        ProblemAssert.IsStatus(deployed, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Odd_Casing_With_A_Read_Key_Is_Still_Read_Only()
    {
        var client = _app.NewTenantClient();
        var readKey = (await (await client.PostJsonAsync("/v1/sandbox/keys", """{"scope":"read"}""")).JsonAsync()).Str("key");
        var response = await _app.ClientFor(readKey).PostJsonAsync("/V1/SANDBOX/FAUCET", """{"currency":"USDT","amount":5}""");
        await ProblemAssert.IsProblemAsync(response, "forbidden", "/V1/SANDBOX/FAUCET");
        Assert.Equal("0.00", (await client.TenantAsync()).GetProperty("balances").Str("usdt"));
    }

    [Fact]
    public async Task Head_Answers_Like_Get_Without_A_Body()
    {
        var client = _app.NewTenantClient();
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/tokens/AAPL"));
        ProblemAssert.IsStatus(head, HttpStatusCode.OK);
        Assert.Equal("application/json", head.ContentType()?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        ProblemAssert.AssertRateLimitHeaders(head);

        var health = await _app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/live"));
        ProblemAssert.IsStatus(health, HttpStatusCode.OK);

        var unauthenticated = await _app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/tokens/AAPL"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }
}
