using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Bridges;

/// Clients that hang up mid-bridge, over a real socket: before acceptance, after it, during the burn.
/// Whatever the moment, the retry with the same key finds one bridge, and the chains hold what the ledger says.
public sealed class BridgeHangUpTests(KestrelSandboxFactory app) : IClassFixture<KestrelSandboxFactory>
{
    private static readonly int[] DelaysMs = [0, 1, 2, 3, 5, 8, 13, 21, 40];

    [Fact]
    public async Task A_Hang_Up_At_Any_Moment_Leaves_One_Bridge_Per_Key_And_The_Chains_Equal_To_The_Ledger()
    {
        var key = SandboxFactory.NewKey();
        var client = app.ClientFor(key);
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        var ticker = TestTickers.Unique();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, DelaysMs.Length + 1), HttpStatusCode.OK);

        foreach (var (delay, i) in DelaysMs.Select((d, i) => (d, i)))
        {
            await HangUp.PostAndCloseAsync(client.BaseAddress!, key, $"bridge-hang-up-{i}", "/v1/bridge",
                $$"""{"token":"{{ticker}}","quantity":"1","from_chain":"base","to_chain":"arbitrum"}""", delay);
        }
        var ids = new HashSet<string>();
        foreach (var i in Enumerable.Range(0, DelaysMs.Length))
        {
            var retry = await client.BridgeAsync(ticker, 1, "base", "arbitrum", headers: ("Idempotency-Key", $"bridge-hang-up-{i}"));
            ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
            ids.Add((await retry.JsonAsync()).Str("id"));
        }
        Assert.Equal(DelaysMs.Length, ids.Count);

        var page = await (await client.GetAsync("/v1/bridges?limit=100", ("X-Flo-Clock", "+2m"))).JsonAsync();
        var bridges = page.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(ids.Order(), bridges.Select(b => b.Str("id")).Order());
        Assert.All(bridges, b => Assert.Equal("delivered", b.Str("status")));
        Assert.Equal(1m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(DelaysMs.Length, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(1m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(DelaysMs.Length, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
    }
}
