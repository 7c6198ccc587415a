using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Sandbox;

public class SandboxControlsTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private static async Task<System.Text.Json.JsonElement> TenantAsync(HttpClient client) =>
        await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync();

    [Fact]
    public async Task Faucet_Credits_Usdc_And_Usdt()
    {
        var client = _app.NewTenantClient();
        var usdc = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":500000}""");
        ProblemAssert.IsStatus(usdc, HttpStatusCode.OK);
        var body = await usdc.JsonAsync();
        Assert.Equal("faucet_credit", body.Str("object"));
        Assert.Equal("500000.00", body.Str("amount"));
        Assert.Equal("1500000.00", body.GetProperty("balances").Str("usdc"));

        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":"12.34"}""");
        Assert.Equal("12.34", (await TenantAsync(client)).GetProperty("balances").Str("usdt"));
    }

    [Theory]
    [InlineData("""{"currency":"EUR","amount":1}""", "currency")]
    [InlineData("""{"currency":"usdc","amount":1}""", "currency")]
    [InlineData("""{"currency":"1","amount":1}""", "currency")]
    [InlineData("""{"currency":" USDC","amount":1}""", "currency")]
    [InlineData("""{"currency":"USDC","amount":0}""", "amount")]
    [InlineData("""{"currency":"USDC","amount":-5}""", "amount")]
    [InlineData("""{"currency":"USDC","amount":100000001}""", "amount")]
    [InlineData("""{"currency":"USDC","amount":"1.0000001"}""", "amount")]
    [InlineData("""{"currency":"USDC","amount":"1e3"}""", "amount")]
    [InlineData("""{"currency":"USDC","amount":1e3}""", "amount")]
    [InlineData("""{"currency":"USDC","amount":"ten"}""", "amount")]
    public async Task Faucet_Refuses_Bad_Input_And_Changes_Nothing(string json, string param)
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", json);
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal(param, body.Str("param"));
        var balances = (await TenantAsync(client)).GetProperty("balances");
        Assert.Equal("1000000.00", balances.Str("usdc"));
        Assert.Equal("0.00", balances.Str("usdt"));
    }

    [Fact]
    public async Task Reset_Restores_A_Fresh_Tenant_And_Leaves_Others_Untouched()
    {
        var target = _app.NewTenantClient();
        var bystander = _app.NewTenantClient();
        await target.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":99}""", ("Idempotency-Key", "before-reset"));
        await target.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+2d"));
        await bystander.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""", ("Idempotency-Key", "before-reset"));
        await bystander.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+1h"));
        var targetId = (await TenantAsync(target)).Str("id");

        var reset = await target.PostJsonAsync("/v1/sandbox/reset", "");
        ProblemAssert.IsStatus(reset, HttpStatusCode.OK);
        var body = await reset.JsonAsync();
        Assert.Equal("sandbox_reset", body.Str("object"));

        var fresh = await TenantAsync(target);
        Assert.Equal(targetId, fresh.Str("id"));
        Assert.Equal("1000000.00", fresh.GetProperty("balances").Str("usdc"));
        Assert.Equal("0.00", fresh.GetProperty("balances").Str("usdt"));
        Assert.Equal(0, fresh.GetProperty("clock").GetProperty("offset_seconds").GetInt64());
        var again = await target.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":1}""", ("Idempotency-Key", "before-reset"));
        Assert.False(again.HasHeader("Idempotent-Replayed"));

        var other = await TenantAsync(bystander);
        Assert.Equal("5.00", other.GetProperty("balances").Str("usdt"));
        Assert.InRange(other.GetProperty("clock").GetProperty("offset_seconds").GetInt64(), 3600, 3601);
        var replay = await bystander.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""", ("Idempotency-Key", "before-reset"));
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_Can_Be_Created_With_Full_Scope_Too()
    {
        var client = _app.NewTenantClient();
        var created = await (await client.PostJsonAsync("/v1/sandbox/keys", """{"scope":"full"}""")).JsonAsync();
        Assert.StartsWith("sk_test_", created.Str("key"));
        var second = _app.ClientFor(created.Str("key"));
        ProblemAssert.IsStatus(await second.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":2}"""), HttpStatusCode.OK);
        Assert.Equal("2.00", (await TenantAsync(client)).GetProperty("balances").Str("usdt"));
    }

    [Fact]
    public async Task Unknown_Scope_Is_Refused()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/keys", """{"scope":"admin"}""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("scope", body.Str("param"));
    }
}
