using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

public class TenantWalletTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private static async Task<string> AddressAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).Str("settlement_address");

    [Fact]
    public async Task A_New_Tenants_Million_Usdc_Is_On_Base_At_Its_Settlement_Address()
    {
        var client = _app.NewTenantClient();
        var address = await AddressAsync(client);
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdt, address));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "arbitrum", ChainReads.Usdc, address));
    }

    [Fact]
    public async Task Faucet_Mints_On_Chain_And_The_Ledger_Agrees()
    {
        var client = _app.NewTenantClient();
        var address = await AddressAsync(client);
        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":"1234.56"}"""), HttpStatusCode.OK);
        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":500000}"""), HttpStatusCode.OK);

        var balances = (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances");
        Assert.Equal("1234.56", balances.Str("usdt"));
        Assert.Equal(1234.56m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdt, address));
        Assert.Equal(1_500_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    [Fact]
    public async Task Reset_Returns_The_On_Chain_Balances_To_The_Initial_State()
    {
        var client = _app.NewTenantClient();
        var address = await AddressAsync(client);
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":77}""");
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":5}""");
        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/reset", ""), HttpStatusCode.OK);
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdt, address));
    }

    [Fact]
    public async Task Settlement_Address_Is_Derived_From_The_Key()
    {
        var key = SandboxFactory.NewKey();
        var expected = FloSandbox.Devchain.SettlementAddress.ForApiKey(key).ToString();
        Assert.Equal(expected, await AddressAsync(_app.ClientFor(key)));
    }
}
