using System.Net;
using FloSandbox.Tests.Infrastructure;
using FloSandbox.Tests.Webhooks;

namespace FloSandbox.Tests.Chain;

/// The sandbox killed with SIGKILL while bridges are in flight at every step (the clock moves on meanwhile, so
/// some are delivered, some sent, some just burned, some unwinding after an injected DVN timeout), then started
/// again on the same data: every idempotency key names exactly one bridge, every bridge ends delivered (or
/// reverted, for the timeouts), every chain holds what the ledger's positions say, and every bridge's final
/// event reaches the subscriber.
public sealed class BridgeCrashRecoveryTests : IDisposable
{
    private const int Bridges = 120;
    private readonly SigkillRun _run = new("bridge");

    /// Every tenth bridge asks for the DVN timeout; the others go to arbitrum and ethereum in turn.
    private static bool TimesOut(int i) => i % 10 == 9;

    private static string To(int i) => i % 2 == 0 ? "arbitrum" : "ethereum";

    private static Task<HttpResponseMessage> BridgeAsync(HttpClient client, string ticker, int i) =>
        client.BridgeAsync(ticker, 1, "base", To(i), headers: TimesOut(i)
            ? [("Idempotency-Key", $"crash-{i}"), ("X-Flo-Error", "bridge_dvn_timeout")]
            : [("Idempotency-Key", $"crash-{i}")]);

    [Fact]
    public async Task A_Sigkill_During_Concurrent_Bridges_Leaves_One_Bridge_Per_Key_Each_Delivered_Or_Reverted_And_Every_Chain_Equal_To_The_Ledger()
    {
        if (!SigkillRun.Supported)
        {
            return;
        }
        var open = ("Market:Mode", "open");
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = SandboxFactory.NewKey();
        var ticker = TestTickers.Unique();

        var first = await _run.StartAsync(open);
        using (var client = SigkillRun.ClientFor(first, key))
        {
            var created = await (await client.PostJsonAsync("/v1/webhooks",
                new { url = receiver.Url, events = new[] { "bridge.delivered", "bridge.reverted" } })).JsonAsync();
            receiver.Secret = created.Str("secret");
            await client.PinAsync(ticker, 20m);
            ProblemAssert.IsStatus(await client.MintAsync(ticker, Bridges), HttpStatusCode.OK);
            await SigkillRun.KillDuringAsync(first, Bridges, Bridges / 5, i => BridgeAsync(client, ticker, i),
                meanwhile: () => client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+10s")));
        }
        first.Dispose();

        using var second = await _run.StartAsync(open);
        using var retry = SigkillRun.ClientFor(second, key);
        var ids = await SigkillRun.RetryEveryKeyAsync(Bridges, async i =>
        {
            var response = await BridgeAsync(retry, ticker, i);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // A timeout the first run never accepted runs now, and answers the docs' 504 once unwound.
                Assert.True(TimesOut(i), $"bridge {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return (await ProblemAssert.IsProblemAsync(response, "bridge_dvn_timeout")).Str("bridge_id");
            }
            return (await response.JsonAsync()).Str("id");
        });

        ProblemAssert.IsStatus(await retry.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+2m")), HttpStatusCode.OK);
        var bridges = (await SigkillRun.ListWhenFinalAsync(retry, "/v1/bridges", "delivered", "reverted")).ToDictionary(b => b.Str("id"));
        Assert.Equal(ids.Order(), bridges.Keys.Order());
        var wrong = Enumerable.Range(0, Bridges).Where(i => bridges[ids[i]].Str("status") != (TimesOut(i) ? "reverted" : "delivered")).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} bridges ended wrong: {string.Join("; ", wrong.Take(3).Select(i => bridges[ids[i]].ToString()))}");

        var wallet = (await retry.TenantAsync()).Str("settlement_address");
        var expected = new Dictionary<string, decimal>
        {
            ["base"] = Enumerable.Range(0, Bridges).Count(TimesOut),
            ["arbitrum"] = Enumerable.Range(0, Bridges).Count(i => !TimesOut(i) && To(i) == "arbitrum"),
            ["ethereum"] = Enumerable.Range(0, Bridges).Count(i => !TimesOut(i) && To(i) == "ethereum"),
        };
        foreach (var (chain, quantity) in expected)
        {
            Assert.Equal((chain, quantity), (chain, await retry.HeldAsync(ticker, wallet, chain)));
            Assert.Equal((chain, quantity), (chain, await ChainReads.TokenBalanceAsync(retry, ticker, chain, wallet)));
        }
        await SigkillRun.EventsReachAsync(receiver, ids);
    }

    public void Dispose() => _run.Dispose();
}
