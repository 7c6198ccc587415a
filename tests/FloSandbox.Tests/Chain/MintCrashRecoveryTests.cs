using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;
using FloSandbox.Tests.Webhooks;

namespace FloSandbox.Tests.Chain;

/// The sandbox killed with SIGKILL while 200 mints are in flight, then started again on the same data:
/// every idempotency key names exactly one mint, none is left half-way, the ledger equals the chain, and
/// every mint's settlement event reaches the subscriber at least once.
public sealed class MintCrashRecoveryTests : IDisposable
{
    private const int Mints = 200;
    private readonly SigkillRun _run = new("mint");

    [Fact]
    public async Task A_Sigkill_During_200_Concurrent_Mints_Leaves_One_Settled_Mint_Per_Key_And_Ledger_Equal_To_Chain()
    {
        if (!SigkillRun.Supported)
        {
            return;
        }
        var open = ("Market:Mode", "open");
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = SandboxFactory.NewKey();
        var ticker = TestTickers.Unique();
        var wallet = MintHelpers.RandomWallet();

        var first = await _run.StartAsync(open);
        using (var client = SigkillRun.ClientFor(first, key))
        {
            var created = await (await client.PostJsonAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { "mint.settled" } })).JsonAsync();
            receiver.Secret = created.Str("secret");
            await client.PinAsync(ticker, 20m);
            // All at once, killed at the first answer: the others are then at every stage of acceptance and settlement.
            await SigkillRun.KillDuringAsync(first, Mints, 1,
                i => client.MintAsync(ticker, 1, wallet: wallet, headers: ("Idempotency-Key", $"crash-{i}")), inFlight: Mints);
        }
        first.Dispose();

        using var second = await _run.StartAsync(open);
        using var retry = SigkillRun.ClientFor(second, key);
        var ids = await SigkillRun.RetryEveryKeyAsync(Mints, async i =>
        {
            var response = await retry.MintAsync(ticker, 1, wallet: wallet, headers: ("Idempotency-Key", $"crash-{i}"));
            ProblemAssert.IsStatus(response, HttpStatusCode.OK);
            return (await response.JsonAsync()).Str("id");
        });

        var mints = await SigkillRun.ListWhenFinalAsync(retry, "/v1/mints", "settled", "failed");
        Assert.Equal(ids.Order(), mints.Select(m => m.Str("id")).Order());
        var unsettled = mints.Where(m => m.Str("status") != "settled").ToList();
        Assert.True(unsettled.Count == 0, $"{unsettled.Count} mints not settled: {string.Join("; ", unsettled.Take(3).Select(m => m.ToString()))}");

        var address = (await retry.TenantAsync()).Str("settlement_address");
        Assert.Equal(await retry.BalanceAsync(), await ChainReads.BalanceOfAsync(retry, "base", ChainReads.Usdc, address));
        Assert.Equal(Mints, await ChainReads.TokenBalanceAsync(retry, ticker, "base", wallet));
        var spent = mints.Sum(m => decimal.Parse(m.Str("total_usdc"), CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000m - spent, await retry.BalanceAsync());
        await SigkillRun.EventsReachAsync(receiver, ids);
    }

    public void Dispose() => _run.Dispose();
}
