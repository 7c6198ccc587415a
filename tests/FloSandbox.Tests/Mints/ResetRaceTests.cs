using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

/// A reset that lands while mints are on their way: it waits for the steps in flight, and whatever
/// survives it (mints accepted after it) settles; ledger and chain agree afterwards.
public sealed class ResetRaceTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    public async Task A_Reset_Racing_In_Flight_Mints_Leaves_The_Ledger_Equal_To_The_Chain(int resetAfterMs)
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        await client.DeployAsync(ticker);
        await client.PinAsync(ticker, 20m);
        var wallet = MintHelpers.RandomWallet();

        var mints = Enumerable.Range(0, 24).Select(_ => client.MintAsync(ticker, 1, wallet: wallet)).ToList();
        await Task.Delay(resetAfterMs);
        var reset = await client.PostJsonAsync("/v1/sandbox/reset", "{}");
        ProblemAssert.IsStatus(reset, HttpStatusCode.OK);
        foreach (var mint in mints)
        {
            Assert.True((int)(await mint).StatusCode < 500);
        }

        var address = (await client.TenantAsync()).Str("settlement_address");
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var page = await (await client.GetAsync("/v1/mints?limit=100")).JsonAsync();
            if (page.GetProperty("data").EnumerateArray().All(m => m.Str("status") is "settled" or "failed"))
            {
                break;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, "mints left on their way after the reset");
            await Task.Delay(25);
        }
        Assert.Equal(await client.BalanceAsync(), await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        var position = await client.GetAsync($"/v1/positions/{ticker}?wallet={wallet}");
        var held = position.StatusCode == HttpStatusCode.OK
            ? decimal.Parse((await position.JsonAsync()).Str("quantity"), CultureInfo.InvariantCulture) : 0m;
        Assert.Equal(held, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
    }
}
