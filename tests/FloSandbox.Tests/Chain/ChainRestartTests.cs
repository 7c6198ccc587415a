using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

public sealed class ChainRestartTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-chain-" + Guid.NewGuid().ToString("N"));

    private SandboxFactory Start() => new(new Dictionary<string, string?> { ["Ledger:InMemory"] = "false", ["DataDir"] = _dataDir });

    [Fact]
    public async Task A_Restart_Finds_Contracts_And_Balances_In_The_Saved_Chain_State()
    {
        var key = SandboxFactory.NewKey();
        var ticker = TestTickers.Unique();
        string address, tokenAddress;
        using (var first = Start())
        {
            var client = first.ClientFor(key);
            await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":321}""");
            tokenAddress = (await (await client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", """{"chain":"base"}""")).JsonAsync()).Str("address");
            address = (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).Str("settlement_address");
        }
        Assert.True(File.Exists(Path.Combine(_dataDir, "chains", "base.json")), string.Join(", ", Directory.EnumerateFileSystemEntries(_dataDir, "*", SearchOption.AllDirectories)));

        using var second = Start();
        var again = second.ClientFor(key);
        Assert.Equal(321m, await ChainReads.BalanceOfAsync(again, "base", ChainReads.Usdt, address));
        var detail = await (await again.GetAsync($"/v1/tokens/{ticker}")).JsonAsync();
        var onBase = detail.GetProperty("distribution").EnumerateArray().Single(d => d.Str("chain") == "base").GetProperty("contract");
        Assert.True(onBase.GetProperty("deployed").GetBoolean());
        Assert.Equal(tokenAddress, onBase.Str("address"));
    }

    [Fact]
    public async Task Lost_Chain_State_Is_Repaired_From_The_Ledger()
    {
        var key = SandboxFactory.NewKey();
        string address;
        decimal total;
        var wallet = MintHelpers.RandomWallet();
        var ticker = TestTickers.Unique();
        using (var first = Start())
        {
            var client = first.ClientFor(key);
            await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":2500}""");
            await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":10}""");
            total = (await (await client.MintAsync(ticker, 7, wallet: wallet)).JsonAsync()).Dec("total_usdc");
            address = (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).Str("settlement_address");
        }
        File.Delete(Path.Combine(_dataDir, "chains", "base.json"));

        using var second = Start();
        var again = second.ClientFor(key);
        Assert.Equal(1_002_500m - total, await ChainReads.BalanceOfAsync(again, "base", ChainReads.Usdc, address));
        var token = (await (await again.GetAsync($"/v1/positions/{ticker}?wallet={wallet}")).JsonAsync()).GetProperty("chains")[0].Str("contract");
        Assert.Equal(7m, await ChainReads.BalanceOfAsync(again, "base", token, wallet));
        Assert.Equal(10m, await ChainReads.BalanceOfAsync(again, "base", ChainReads.Usdt, address));
        var balances = (await (await again.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances");
        Assert.Equal(1_002_500m - total, balances.Dec("usdc"));
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
