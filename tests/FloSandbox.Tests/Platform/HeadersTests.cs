using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public class HeadersTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("/v1/sandbox/tenant")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/v1/missing")]
    public async Task Every_Response_Has_A_Request_Id_And_Rate_Limit_Headers(string path)
    {
        var response = await _app.NewTenantClient().GetAsync(path);
        Assert.Matches("^req_[0-9A-Za-z]{14}$", response.Header("X-Request-Id"));
        ProblemAssert.AssertRateLimitHeaders(response);
        Assert.Equal("10000", response.Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Request_Ids_Are_Unique()
    {
        var client = _app.NewTenantClient();
        var ids = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(ids.Add((await client.GetAsync("/v1/sandbox/tenant")).Header("X-Request-Id")));
        }
    }

    [Fact]
    public async Task Flo_Version_Is_Echoed()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant", ("Flo-Version", "2026-05-01"));
        Assert.Equal("2026-05-01", response.Header("Flo-Version"));
    }

    [Fact]
    public async Task Missing_Flo_Version_Echoes_The_Pinned_Default()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant");
        Assert.Equal("2026-04-21", response.Header("Flo-Version"));
    }

    [Fact]
    public async Task Invalid_Flo_Version_Is_Invalid_Request()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant", ("Flo-Version", "yesterday"));
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("Flo-Version", body.Str("param"));
    }

    [Fact]
    public async Task Tenant_Responses_Carry_The_Sandbox_Time()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var now = DateTimeOffset.Parse(response.Header("X-Flo-Clock-Now"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(now, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
