using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// A redeem its payout pool holds back is durable: after a restart it is still filled and unpaid, and it is
/// paid once its pool covers it (here: the restarted sandbox's configured default is larger).
public sealed class PayoutPoolRestartTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-pools-" + Guid.NewGuid().ToString("N"));

    /// A sandbox on the data directory whose held redeems look at their pool hourly; pools hold
    /// <paramref name="poolLiquidity"/> by default (null: the sandbox's own default).
    private SandboxFactory Start(string? poolLiquidity)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ledger:InMemory"] = "false",
            ["DataDir"] = _dataDir,
            ["Redeems:PayoutPoolRecheck"] = "01:00:00",
        };
        if (poolLiquidity is not null)
        {
            settings["Redeems:PayoutPoolLiquidity"] = poolLiquidity;
        }
        return new SandboxFactory(settings);
    }

    [Fact]
    public async Task A_Held_Redeem_Survives_A_Restart_And_Is_Paid_When_Its_Pool_Covers_It()
    {
        var key = SandboxFactory.NewKey();
        string redeemId, address;
        decimal balance;
        using (var first = Start("100"))
        {
            var client = first.ClientFor(key);
            address = (await client.TenantAsync()).Str("settlement_address");
            var mint = await client.SettledMintAsync(10m);
            balance = await client.BalanceAsync();
            var held = await (await client.RedeemAsync(mint.Str("id"), 4m)).JsonAsync();
            Assert.Equal("filled", held.Str("status"));
            redeemId = held.Str("id");
        }

        using var second = Start(null);
        var again = second.ClientFor(key);
        var afterRestart = await (await again.GetAsync($"/v1/redeems/{redeemId}")).JsonAsync();
        Assert.Equal("filled", afterRestart.Str("status"));
        Assert.Equal(JsonValueKind.Null, afterRestart.GetProperty("payout").GetProperty("tx_hash").ValueKind);
        var pool = await again.PoolAsync("USDC", "base");
        Assert.Equal(("10000000.00", 1), (pool.Str("liquidity_usdc"), pool.GetProperty("held_redeems").GetInt32()));
        Assert.Equal(balance, await ChainReads.BalanceOfAsync(again, "base", ChainReads.Usdc, address));

        var settled = await (await again.GetAsync($"/v1/redeems/{redeemId}", ("X-Flo-Clock", "+2h"))).JsonAsync();

        Assert.Equal("settled", settled.Str("status"));
        await again.AssertPaidOnChainAsync(settled);
        Assert.Equal(balance + 399.44m, await again.BalanceAsync());
        Assert.Equal(balance + 399.44m, await ChainReads.BalanceOfAsync(again, "base", ChainReads.Usdc, address));
        Assert.Equal("9999600.56", (await again.PoolAsync("USDC", "base")).Str("liquidity_usdc"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
