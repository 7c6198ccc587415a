using System.Net;
using FloSandbox.Core.Chain;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Mints;

public class MintRevertTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Settlement_The_Chain_Reverts_Ends_Failed_And_Refunded()
    {
        var client = _app.NewTenantClient();
        var address = EvmAddress.Parse((await client.TenantAsync()).Str("settlement_address"));
        var usdc = _app.Services.GetRequiredService<DevchainHost>().Cluster["base"].Usdc;
        await usdc.BurnAsync(address, await usdc.BalanceOfAsync(address)); // the chain now disagrees with the ledger

        var response = await client.MintAsync("AAPL", 1);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var mint = await response.JsonAsync();
        Assert.Equal("failed", mint.Str("status"));
        Assert.StartsWith("settlement_reverted", mint.Str("failure_reason"));
        Assert.Equal(1_000_000m, await client.BalanceAsync());
        Assert.Equal(0, (await (await client.GetAsync("/v1/positions")).JsonAsync()).GetProperty("data").GetArrayLength());
    }
}
