using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

/// The sandbox killed with SIGKILL while redeems are in flight, then started again on the same data: every
/// idempotency key names exactly one redeem, every redeem settles, and the ledger equals the chain (tokens
/// burned once, proceeds paid once).
public sealed class RedeemCrashRecoveryTests : IDisposable
{
    private const int Redeems = 150;
    private readonly SigkillRun _run = new("redeem");

    [Fact]
    public async Task A_Sigkill_During_Concurrent_Redeems_Leaves_One_Settled_Redeem_Per_Key_And_Ledger_Equal_To_Chain()
    {
        if (!SigkillRun.Supported)
        {
            return;
        }
        var open = ("Market:Mode", "open");
        var key = SandboxFactory.NewKey();
        var ticker = TestTickers.Unique();
        string mintId;

        var first = await _run.StartAsync(open);
        using (var client = SigkillRun.ClientFor(first, key))
        {
            await client.PinAsync(ticker, 20m);
            var mint = await (await client.MintAsync(ticker, Redeems)).JsonAsync();
            Assert.Equal("settled", mint.Str("status"));
            mintId = mint.Str("id");
            await SigkillRun.KillDuringAsync(first, Redeems, Redeems / 10,
                i => client.RedeemAsync(mintId, 1m, headers: ("Idempotency-Key", $"crash-{i}")));
        }
        first.Dispose();

        using var second = await _run.StartAsync(open);
        using var retry = SigkillRun.ClientFor(second, key);
        var ids = await SigkillRun.RetryEveryKeyAsync(Redeems, async i =>
        {
            var response = await retry.RedeemAsync(mintId, 1m, headers: ("Idempotency-Key", $"crash-{i}"));
            ProblemAssert.IsStatus(response, HttpStatusCode.OK);
            return (await response.JsonAsync()).Str("id");
        });

        var redeems = await SigkillRun.ListWhenFinalAsync(retry, "/v1/redeems", "settled", "failed");
        Assert.Equal(ids.Order(), redeems.Select(r => r.Str("id")).Order());
        var unsettled = redeems.Where(r => r.Str("status") != "settled").ToList();
        Assert.True(unsettled.Count == 0, $"{unsettled.Count} redeems not settled: {string.Join("; ", unsettled.Take(3).Select(r => r.ToString()))}");

        var address = (await retry.TenantAsync()).Str("settlement_address");
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(retry, ticker, "base", address));
        Assert.Equal(0m, await retry.HeldAsync(ticker));
        Assert.Equal(await retry.BalanceAsync(), await ChainReads.BalanceOfAsync(retry, "base", ChainReads.Usdc, address));
        var mintTotal = (await (await retry.GetAsync($"/v1/mints/{mintId}")).JsonAsync()).Dec("total_usdc");
        var proceeds = redeems.Sum(r => decimal.Parse(r.Str("proceeds_usdc"), CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000m - mintTotal + proceeds, await retry.BalanceAsync());
    }

    public void Dispose() => _run.Dispose();
}
