using System.Net;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public class ErrorInjectionTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    public static TheoryData<string> AllCodes() => [.. FloErrorCatalog.All.Select(d => d.Code)];

    [Theory]
    [MemberData(nameof(AllCodes))]
    public async Task Every_Catalog_Code_Can_Be_Injected_With_Its_Documented_Shape(string code)
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":10}""", ("X-Flo-Error", code));
        await ProblemAssert.IsProblemAsync(response, code);
        Assert.Equal(code, response.Header("X-Flo-Error-Injected"));
        var tenant = await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync();
        Assert.Equal("0.00", tenant.GetProperty("balances").Str("usdt"));
    }

    [Fact]
    public async Task Injected_Insufficient_Funds_Has_Consistent_Amounts()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":10}""", ("X-Flo-Error", "insufficient_funds"));
        var body = await ProblemAssert.IsProblemAsync(response, "insufficient_funds");
        var required = decimal.Parse(body.Str("required_usdc"), System.Globalization.CultureInfo.InvariantCulture);
        var available = decimal.Parse(body.Str("available_usdc"), System.Globalization.CultureInfo.InvariantCulture);
        var shortfall = decimal.Parse(body.Str("shortfall_usdc"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(shortfall > 0);
        Assert.Equal(required - available, shortfall);
        Assert.Matches(@"^\d+\.\d{2}$", body.Str("required_usdc"));
    }

    [Fact]
    public async Task Injected_Rate_Limited_Sets_Retry_After()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/reset", "", ("X-Flo-Error", "rate_limited"));
        var body = await ProblemAssert.IsProblemAsync(response, "rate_limited");
        Assert.Equal(body.GetProperty("retry_after_seconds").GetInt32().ToString(), response.Header("Retry-After"));
    }

    [Fact]
    public async Task Injected_Market_Closed_Names_The_Next_Session()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":1}""", ("X-Flo-Error", "market_closed_non_fractional"));
        var body = await ProblemAssert.IsProblemAsync(response, "market_closed_non_fractional");
        var next = DateTimeOffset.Parse(body.Str("next_session_at"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(next > DateTimeOffset.UtcNow);
        Assert.InRange(body.GetProperty("seconds_until_session").GetInt64(), 1, 5 * 86400);
    }

    [Fact]
    public async Task Unknown_Code_Lists_The_Valid_Codes()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":1}""", ("X-Flo-Error", "meteor_strike"));
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("X-Flo-Error", body.Str("param"));
        Assert.Contains("ltv_exceeded", body.Str("detail"));
        Assert.Equal(FloErrorCatalog.All.Count, body.GetProperty("valid_codes").GetArrayLength());
    }

    [Fact]
    public async Task Get_Requests_Ignore_The_Header()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant", ("X-Flo-Error", "internal_error"));
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_Injected_Error_Is_Not_Cached_For_Idempotency()
    {
        var client = _app.NewTenantClient();
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":10}""", ("X-Flo-Error", "insufficient_funds"), ("Idempotency-Key", "k1"));
        var real = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":10}""", ("Idempotency-Key", "k1"));
        ProblemAssert.IsStatus(real, HttpStatusCode.OK);
        Assert.False(real.HasHeader("Idempotent-Replayed"));
    }
}
