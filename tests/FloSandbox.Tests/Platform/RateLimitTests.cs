using System.Net;
using FloSandbox.Flo.Platform.RateLimiting;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Platform;

/// One host for every rate-limit test: three requests a second, on a clock the tests hold still.
public sealed class RateLimitedFactory() : SandboxFactory(new Dictionary<string, string?> { ["RateLimit:RequestsPerSecond"] = "3" })
{
    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, 200, TimeSpan.Zero));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class RateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    private readonly ManualTimeProvider _time = app.Clock;
    private readonly SandboxFactory _app = app;

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

    [Fact]
    public async Task A_Key_Has_One_Window_However_The_Header_Spells_It()
    {
        var key = SandboxFactory.NewKey();
        var client = _app.CreateClient();
        await client.GetAsync("/v1/sandbox/tenant", ("Authorization", $"Bearer {key}"));
        await client.GetAsync("/v1/sandbox/tenant", ("Authorization", $"bearer {key}"));
        await client.GetAsync("/v1/sandbox/tenant", ("Authorization", $"BEARER   {key}  "));
        var limited = await client.GetAsync("/v1/sandbox/tenant", ("Authorization", $"Bearer {key}"));
        await ProblemAssert.IsProblemAsync(limited, "rate_limited");
    }

    [Fact]
    public async Task Health_Probes_Do_Not_Spend_The_Keys_Requests()
    {
        var client = _app.NewTenantClient();
        for (var i = 0; i < 5; i++)
        {
            var ready = await client.GetAsync("/health/ready");
            ProblemAssert.IsStatus(ready, HttpStatusCode.OK);
            Assert.Equal("3", ready.Header("X-RateLimit-Remaining"));
        }
        var first = await client.GetAsync("/v1/sandbox/tenant");
        ProblemAssert.IsStatus(first, HttpStatusCode.OK);
        Assert.Equal("2", first.Header("X-RateLimit-Remaining"));
        Assert.Equal("2", (await client.GetAsync("/health/live")).Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Windows_Of_Past_Seconds_Are_Dropped()
    {
        var windows = _app.Services.GetRequiredService<RateLimitWindows>();
        for (var i = 0; i < 50; i++)
        {
            await _app.NewTenantClient().GetAsync("/v1/tokens/AAPL");
        }
        Assert.True(windows.Count >= 50);

        _time.Advance(TimeSpan.FromSeconds(10));
        await _app.NewTenantClient().GetAsync("/v1/tokens/AAPL");

        Assert.Equal(1, windows.Count);
    }
}
