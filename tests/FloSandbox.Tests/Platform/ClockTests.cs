using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public class ClockTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private static DateTimeOffset NowOf(HttpResponseMessage response) =>
        DateTimeOffset.Parse(response.Header("X-Flo-Clock-Now"), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("+30s", 30)]
    [InlineData("+15m", 15 * 60)]
    [InlineData("+2h", 2 * 3600)]
    [InlineData("+7d", 7 * 86400)]
    [InlineData("+30d", 30 * 86400)]
    public async Task Relative_Steps_Advance_The_Tenant_Clock(string header, int seconds)
    {
        var client = _app.NewTenantClient();
        var before = NowOf(await client.GetAsync("/v1/sandbox/tenant"));
        var after = NowOf(await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", header)));
        Assert.InRange((after - before).TotalSeconds, seconds - 1, seconds + 5);
    }

    [Fact]
    public async Task The_Clock_Persists_Across_Requests_And_Shows_In_The_Tenant()
    {
        var client = _app.NewTenantClient();
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+1d"));
        var response = await client.GetAsync("/v1/sandbox/tenant");
        Assert.InRange((NowOf(response) - DateTimeOffset.UtcNow).TotalHours, 23.9, 24.1);
        var tenant = await response.JsonAsync();
        Assert.InRange(tenant.GetProperty("clock").GetProperty("offset_seconds").GetInt64(), 86400, 86401);
    }

    [Fact]
    public async Task An_Absolute_Future_Instant_Sets_The_Clock()
    {
        var client = _app.NewTenantClient();
        var target = DateTimeOffset.UtcNow.AddDays(3).AddHours(2);
        var response = await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", target.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        Assert.InRange((NowOf(response) - target).TotalSeconds, -1, 2);
    }

    [Fact]
    public async Task The_Clock_Of_One_Tenant_Does_Not_Move_Another()
    {
        var moved = _app.NewTenantClient();
        await moved.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+10d"));
        var other = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant");
        Assert.InRange((NowOf(other) - DateTimeOffset.UtcNow).TotalMinutes, -1, 1);
    }

    [Theory]
    [InlineData("+31d", "at most 30 days")]
    [InlineData("+721h", "at most 30 days")]
    [InlineData("-1d", "backwards")]
    [InlineData("2020-01-01T00:00:00Z", "backwards")]
    [InlineData("+5y", "not valid")]
    [InlineData("tomorrow", "not valid")]
    [InlineData("+1.5h", "not valid")]
    [InlineData("7d", "not valid")]
    [InlineData("2026-13-45T00:00:00Z", "not valid")]
    public async Task Invalid_Values_Are_Refused_With_A_Precise_Detail(string header, string expected)
    {
        var client = _app.NewTenantClient();
        var response = await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", header));
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("X-Flo-Clock", body.Str("param"));
        Assert.Contains(expected, body.Str("detail"));
        var tenant = await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync();
        Assert.Equal(0, tenant.GetProperty("clock").GetProperty("offset_seconds").GetInt64());
    }

    [Fact]
    public async Task An_Absolute_Instant_More_Than_30_Days_Ahead_Is_Refused()
    {
        var far = DateTimeOffset.UtcNow.AddDays(31).ToString("O", CultureInfo.InvariantCulture);
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", far));
        await ProblemAssert.IsProblemAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Reset_Returns_The_Clock_To_Real_Time()
    {
        var client = _app.NewTenantClient();
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+20d"));
        var reset = await client.PostJsonAsync("/v1/sandbox/reset", "");
        ProblemAssert.IsStatus(reset, HttpStatusCode.OK);
        Assert.InRange((NowOf(await client.GetAsync("/v1/sandbox/tenant")) - DateTimeOffset.UtcNow).TotalMinutes, -1, 1);
    }
}
