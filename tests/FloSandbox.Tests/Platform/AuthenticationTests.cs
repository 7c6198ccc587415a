using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public class AuthenticationTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Missing_Key_Is_Unauthorized()
    {
        var response = await _app.CreateClient().GetAsync("/v1/sandbox/tenant");
        var body = await ProblemAssert.IsProblemAsync(response, "unauthorized");
        Assert.Contains("Authorization: Bearer", body.Str("detail"));
    }

    [Theory]
    [InlineData("Basic c2tfdGVzdF9hYmM=")]
    [InlineData("Bearer")]
    [InlineData("Bearer sk_test_short")]
    [InlineData("Bearer pk_test_abcdefghijkl")]
    [InlineData("Bearer sk_test_has-dashes-and!")]
    public async Task Malformed_Key_Is_Unauthorized(string authorization)
    {
        var client = _app.CreateClient();
        var response = await client.GetAsync("/v1/sandbox/tenant", ("Authorization", authorization));
        await ProblemAssert.IsProblemAsync(response, "unauthorized");
    }

    [Fact]
    public async Task Live_Key_Lacks_Live_Scope()
    {
        var response = await _app.ClientFor("sk_live_abcdefghijkl1234").GetAsync("/v1/sandbox/tenant");
        await ProblemAssert.IsProblemAsync(response, "key_lacks_live_scope");
    }

    [Fact]
    public async Task Unknown_Test_Key_Provisions_A_Tenant_With_A_Million_Usdc()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var tenant = await response.JsonAsync();
        Assert.Equal("sandbox_tenant", tenant.Str("object"));
        Assert.StartsWith("ten_", tenant.Str("id"));
        Assert.Equal("1000000.00", tenant.GetProperty("balances").Str("usdc"));
        Assert.Equal("0.00", tenant.GetProperty("balances").Str("usdt"));
        Assert.Matches("^0x[0-9a-fA-F]{40}$", tenant.Str("settlement_address"));
        Assert.Equal("full", tenant.GetProperty("key").Str("scope"));
    }

    [Fact]
    public async Task Same_Key_Resolves_To_The_Same_Tenant_And_Address()
    {
        var key = SandboxFactory.NewKey();
        var first = await (await _app.ClientFor(key).GetAsync("/v1/sandbox/tenant")).JsonAsync();
        var second = await (await _app.ClientFor(key).GetAsync("/v1/sandbox/tenant")).JsonAsync();
        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal(first.Str("settlement_address"), second.Str("settlement_address"));
    }

    [Fact]
    public async Task Read_Key_Can_Get_But_Not_Post()
    {
        var full = _app.NewTenantClient();
        var created = await full.PostJsonAsync("/v1/sandbox/keys", """{"scope":"read"}""");
        ProblemAssert.IsStatus(created, HttpStatusCode.Created);
        var key = await created.JsonAsync();
        Assert.Equal("read", key.Str("scope"));
        var reader = _app.ClientFor(key.Str("key"));

        var get = await reader.GetAsync("/v1/sandbox/tenant");
        ProblemAssert.IsStatus(get, HttpStatusCode.OK);
        Assert.Equal((await (await full.GetAsync("/v1/sandbox/tenant")).JsonAsync()).Str("id"), (await get.JsonAsync()).Str("id"));
        Assert.Equal("read", (await get.JsonAsync()).GetProperty("key").Str("scope"));

        var post = await reader.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":5}""");
        var problem = await ProblemAssert.IsProblemAsync(post, "forbidden");
        Assert.Equal("read", problem.Str("key_scope"));
        Assert.Equal("1000000.00", (await (await full.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances").Str("usdc"));
    }

    [Fact]
    public async Task Tenants_Do_Not_See_Each_Others_Balances()
    {
        var alice = _app.NewTenantClient();
        var bob = _app.NewTenantClient();
        ProblemAssert.IsStatus(await alice.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":"250.50"}"""), HttpStatusCode.OK);

        var aliceTenant = await (await alice.GetAsync("/v1/sandbox/tenant")).JsonAsync();
        var bobTenant = await (await bob.GetAsync("/v1/sandbox/tenant")).JsonAsync();
        Assert.Equal("250.50", aliceTenant.GetProperty("balances").Str("usdt"));
        Assert.Equal("0.00", bobTenant.GetProperty("balances").Str("usdt"));
        Assert.NotEqual(aliceTenant.Str("id"), bobTenant.Str("id"));
        Assert.NotEqual(aliceTenant.Str("settlement_address"), bobTenant.Str("settlement_address"));
    }
}
