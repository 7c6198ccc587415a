using System.Net;
using System.Text.Json;
using FloSandbox.Core.Chain;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Bridges;

/// A destination chain that does not answer, on a sandbox of its own (its arbitrum node is killed): each
/// attempt counts toward the relayer's 30-minute cutoff as a reverted mint does.
public sealed class BridgeDestinationDownTests : IDisposable
{
    private readonly SandboxFactory _app = new();

    private static int Attempts(JsonElement bridge) => bridge.GetProperty("delivery_attempts").GetInt32();

    [Fact]
    public async Task A_Destination_Chain_That_Does_Not_Answer_Counts_Each_Attempt_Toward_The_Thirty_Minute_Cutoff()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 3), HttpStatusCode.OK);
        var id = (await (await client.BridgeAsync(ticker, 2, "base", "arbitrum")).JsonAsync()).Str("id");
        Assert.Equal("sent", (await client.BridgeAtAsync(id, "+15s")).Str("status"));
        var node = _app.Services.GetRequiredService<DevchainHost>().Cluster["arbitrum"].Node!;
        node.Kill();
        await node.Exited.WaitAsync(TimeSpan.FromSeconds(10));

        var first = await client.BridgeAtAsync(id, "+20s");
        Assert.Equal(("sent", 1), (first.Str("status"), Attempts(first)));
        Assert.Equal("destination_chain_unavailable: the arbitrum devchain did not answer the destination mint.", first.Str("last_delivery_error"));
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("next_delivery_attempt_at").ValueKind);

        // Past the cutoff each attempt of the grid is made in turn (one per run of the due work), and no more.
        var bridge = await client.BridgeAtAsync(id, "+31m");
        for (var run = 0; run < 60 && Attempts(bridge) < 31; run++)
        {
            bridge = await client.BridgeAtAsync(id, "+1s");
        }
        Assert.Equal(("sent", 31), (bridge.Str("status"), Attempts(bridge)));
        Assert.Equal(JsonValueKind.Null, bridge.GetProperty("next_delivery_attempt_at").ValueKind);
        var later = await client.BridgeAtAsync(id, "+10m");
        Assert.Equal(31, Attempts(later));

        // The incident opens once the destination chain can confirm the mint never landed; until then it is not
        // declared, and nothing moves: the source burn stays, as the ledger says.
        Assert.Equal(JsonValueKind.Null, later.GetProperty("failure_reason").ValueKind);
        Assert.Equal(1m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(1m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(0m, await client.HeldAsync(ticker, wallet, "arbitrum"));
    }

    public void Dispose() => _app.Dispose();
}
