using FloSandbox.Core.Chain;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Chain;

public sealed class RedeemDevchainFailureTests : IDisposable
{
    private readonly SandboxFactory _app = new();

    [Fact]
    public async Task A_Chain_That_Does_Not_Answer_The_Burn_Fails_The_Redeem_With_The_Holding_Restored_And_A_503()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(6m, chain: "arbitrum");
        var node = _app.Services.GetRequiredService<DevchainHost>().Cluster["arbitrum"].Node!;
        node.Kill();
        await node.Exited.WaitAsync(TimeSpan.FromSeconds(10));

        var problem = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 2m), "service_unavailable");

        Assert.Contains("arbitrum", problem.Str("detail"));
        var redeem = (await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data")[0];
        Assert.Equal("failed", redeem.Str("status"));
        Assert.StartsWith("settlement_unavailable", redeem.Str("failure_reason"));
        Assert.Equal(6m, await client.HeldAsync(mint.Str("asset")));
        Assert.Equal(["redeem.queued", "redeem.failed"], await _app.EventTypesAsync(client, "redeem"));
    }

    public void Dispose() => _app.Dispose();
}
