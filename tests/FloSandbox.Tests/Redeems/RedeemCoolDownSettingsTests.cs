using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// `redeem_cool_down` is off unless configured; a tenant turns it on or off for itself through the sandbox route.
public class RedeemCoolDownSettingsTests
{
    private const string Route = "/v1/sandbox/guardrails/redeem_cool_down";
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task It_Is_Off_By_Default_So_A_Whole_Holding_Redeems_At_Once()
    {
        var client = _app.NewTenantClient();

        var setting = await (await client.GetAsync(Route)).JsonAsync();

        Assert.Equal("redeem_cool_down", setting.Str("object"));
        Assert.False(setting.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, setting.GetProperty("ratio_bps").ValueKind);
        Assert.Equal(JsonValueKind.Null, setting.GetProperty("cool_down_seconds").ValueKind);
        Assert.Empty(setting.GetProperty("cooling_down").EnumerateArray());
        var mint = await client.SettledMintAsync(3m);
        Assert.Equal("settled", (await (await client.RedeemAsync(mint.Str("id"), 3m)).JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task A_Tenant_Turns_It_On_For_Itself_And_Off_Again_Which_Ends_The_Cool_Downs()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(10m);

        var on = await (await client.PostJsonAsync(Route, """{"enabled":true,"ratio_bps":2500,"cool_down_seconds":600}""")).JsonAsync();

        Assert.True(on.GetProperty("enabled").GetBoolean());
        Assert.Equal((2500, 600, 86400), (on.GetProperty("ratio_bps").GetInt32(), on.GetProperty("cool_down_seconds").GetInt32(),
            on.GetProperty("window_seconds").GetInt32()));
        var problem = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 3m), "guardrail_triggered", retryable: true);
        Assert.Equal(("redeem_cool_down", "2500", "3000", 600), (problem.Str("limit"), problem.Str("limit_value"), problem.Str("current_value"),
            problem.GetProperty("retry_after_seconds").GetInt32()));
        var cooling = Assert.Single((await (await client.GetAsync(Route)).JsonAsync()).GetProperty("cooling_down").EnumerateArray());
        Assert.Equal(address.ToLowerInvariant(), cooling.Str("wallet"));
        var other = _app.NewTenantClient();
        var theirs = await other.SettledMintAsync(2m);
        Assert.Equal("settled", (await (await other.RedeemAsync(theirs.Str("id"), 2m)).JsonAsync()).Str("status"));

        var off = await (await client.PostJsonAsync(Route, """{"enabled":false}""")).JsonAsync();

        Assert.False(off.GetProperty("enabled").GetBoolean());
        Assert.Empty(off.GetProperty("cooling_down").EnumerateArray());
        Assert.Equal("settled", (await (await client.RedeemAsync(mint.Str("id"), 3m)).JsonAsync()).Str("status"));
        Assert.Equal(7m, await client.HeldAsync(mint.Str("asset")));
    }

    [Fact]
    public async Task A_Reset_Returns_The_Tenant_To_The_Configured_Rule()
    {
        var client = _app.NewTenantClient();
        ProblemAssert.IsStatus(await client.PostJsonAsync(Route, """{"enabled":true,"ratio_bps":100,"cool_down_seconds":60}"""), HttpStatusCode.OK);

        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/reset", "{}"), HttpStatusCode.OK);

        Assert.False((await (await client.GetAsync(Route)).JsonAsync()).GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("""{"ratio_bps":100,"cool_down_seconds":60}""", "enabled")]
    [InlineData("""{"enabled":true,"cool_down_seconds":60}""", "ratio_bps")]
    [InlineData("""{"enabled":true,"ratio_bps":0,"cool_down_seconds":60}""", "ratio_bps")]
    [InlineData("""{"enabled":true,"ratio_bps":10000,"cool_down_seconds":60}""", "ratio_bps")]
    [InlineData("""{"enabled":true,"ratio_bps":100}""", "cool_down_seconds")]
    [InlineData("""{"enabled":true,"ratio_bps":100,"cool_down_seconds":0}""", "cool_down_seconds")]
    [InlineData("""{"enabled":true,"ratio_bps":100,"cool_down_seconds":2592001}""", "cool_down_seconds")]
    [InlineData("""{"enabled":false,"ratio_bps":100}""", "ratio_bps")]
    [InlineData("""{"enabled":false,"cool_down_seconds":60}""", "cool_down_seconds")]
    public async Task Bad_Input_Is_A_400_Naming_The_Field_And_Changes_Nothing(string body, string param)
    {
        var client = _app.NewTenantClient();
        ProblemAssert.IsStatus(await client.PostJsonAsync(Route, """{"enabled":true,"ratio_bps":4000,"cool_down_seconds":120}"""), HttpStatusCode.OK);
        var before = (await (await client.GetAsync(Route)).JsonAsync()).GetRawText();

        var problem = await ProblemAssert.IsProblemAsync(await client.PostJsonAsync(Route, body), "invalid_request");

        Assert.Equal(param, problem.Str("param"));
        Assert.Equal(before, (await (await client.GetAsync(Route)).JsonAsync()).GetRawText());
    }
}
