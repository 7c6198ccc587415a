using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public sealed class RateLimitTests : IDisposable
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, 200, TimeSpan.Zero));
    private readonly SandboxFactory _app;

    public RateLimitTests()
    {
        _app = new SandboxFactory(new Dictionary<string, string?> { ["RateLimit:RequestsPerSecond"] = "3" }) { Time = _time };
    }

    [Fact]
    public async Task Fourth_Request_In_A_Second_Is_Rate_Limited_With_Retry_After()
    {
        var client = _app.NewTenantClient();
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.GetAsync("/v1/sandbox/tenant");
            ProblemAssert.IsStatus(ok, HttpStatusCode.OK);
            Assert.Equal("3", ok.Header("X-RateLimit-Limit"));
            Assert.Equal((2 - i).ToString(), ok.Header("X-RateLimit-Remaining"));
            Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds() + 1, long.Parse(ok.Header("X-RateLimit-Reset")));
        }

        var limited = await client.GetAsync("/v1/sandbox/tenant");
        var body = await ProblemAssert.IsProblemAsync(limited, "rate_limited");
        Assert.Equal("1", limited.Header("Retry-After"));
        Assert.Equal(1, body.GetProperty("retry_after_seconds").GetInt32());
        Assert.Equal(3, body.GetProperty("limit_rps").GetInt32());
        Assert.Equal(4, body.GetProperty("observed_rps").GetInt32());
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task The_Next_Window_Admits_Requests_Again()
    {
        var client = _app.NewTenantClient();
        for (var i = 0; i < 4; i++)
        {
            await client.GetAsync("/v1/sandbox/tenant");
        }
        _time.Advance(TimeSpan.FromSeconds(1));
        ProblemAssert.IsStatus(await client.GetAsync("/v1/sandbox/tenant"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Limits_Are_Per_Key()
    {
        var busy = _app.NewTenantClient();
        for (var i = 0; i < 4; i++)
        {
            await busy.GetAsync("/v1/sandbox/tenant");
        }
        ProblemAssert.IsStatus(await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant"), HttpStatusCode.OK);
    }

    public void Dispose() => _app.Dispose();
}
