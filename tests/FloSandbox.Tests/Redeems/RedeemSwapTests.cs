using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// A redeem paid in another stablecoin than its holding was minted in records the stable↔stable swap (at par,
/// no fee) on `payout.swap`, and draws from the payout currency's pool.
public class RedeemSwapTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Redeem_In_The_Currency_It_Was_Minted_In_Records_No_Swap()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(2m);

        var redeem = await (await client.RedeemAsync(mint.Str("id"), 1m, currency: "USDC")).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal(JsonValueKind.Null, redeem.GetProperty("payout").GetProperty("swap").ValueKind);
    }

    [Fact]
    public async Task A_Redeem_In_The_Other_Currency_Records_A_Swap_At_Par_And_Draws_From_That_Currencys_Pool()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(4m);
        var usdc = await client.BalanceAsync();

        var redeem = await (await client.RedeemAsync(mint.Str("id"), 4m, currency: "USDT")).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        var payout = redeem.GetProperty("payout");
        Assert.Equal("USDT", payout.Str("currency"));
        Assert.Equal("399.44", payout.Str("amount"));
        var swap = payout.GetProperty("swap");
        Assert.Equal(("USDC", "USDT", "1.0000"), (swap.Str("from"), swap.Str("to"), swap.Str("rate")));
        await client.AssertPaidOnChainAsync(redeem);
        Assert.Equal(399.44m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdt, address));
        Assert.Equal(399.44m, await client.BalanceAsync("usdt"));
        Assert.Equal(usdc, await client.BalanceAsync());
        Assert.Equal("9999600.56", (await client.PoolAsync("USDT", "base")).Str("liquidity_usdc"));
        Assert.Equal("10000000.00", (await client.PoolAsync("USDC", "base")).Str("liquidity_usdc"));
        var retrieved = await (await client.GetAsync($"/v1/redeems/{redeem.Str("id")}")).JsonAsync();
        Assert.Equal(swap.GetRawText(), retrieved.GetProperty("payout").GetProperty("swap").GetRawText());
    }

    [Fact]
    public async Task A_Position_Id_Takes_The_Currency_Of_The_Latest_Settled_Mint_Into_That_Wallet()
    {
        var (client, ticker) = await TenantHoldingAUsdtMintAsync(5m);
        var position = (await (await client.GetAsync($"/v1/positions?token={ticker}")).JsonAsync()).GetProperty("data")[0].Str("id");

        Assert.Null(await SwapFromAsync(client, position, "USDT"));
        Assert.Equal("USDT", await SwapFromAsync(client, position, "USDC"));

        Assert.Equal("settled", (await (await client.MintAsync(ticker, 1m, currency: "USDC")).JsonAsync()).Str("status"));
        Assert.Null(await SwapFromAsync(client, position, "USDC"));
        Assert.Equal("USDC", await SwapFromAsync(client, position, "USDT"));
    }

    [Fact]
    public async Task Tokens_That_Reached_A_Wallet_By_A_Bridge_And_No_Mint_Count_As_Minted_In_Usdc()
    {
        var (client, ticker) = await TenantHoldingAUsdtMintAsync(3m);
        var wallet = MintHelpers.RandomWallet();
        var bridge = await (await client.BridgeAsync(ticker, 2m, "base", "arbitrum", destination: wallet)).JsonAsync();
        Assert.Equal("delivered", (await client.BridgeAtAsync(bridge.Str("id"), "+2m")).Str("status"));

        Assert.Equal("USDC", await SwapFromAsync(client, $"pos_{ticker}_{wallet}", "USDT"));
    }

    /// A fresh tenant with a settled mint, paid in USDT, of a fresh ticker pinned at $100 to its settlement address.
    private async Task<(HttpClient Client, string Ticker)> TenantHoldingAUsdtMintAsync(decimal quantity)
    {
        var client = _app.NewTenantClient();
        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5000}"""), System.Net.HttpStatusCode.OK);
        var ticker = TestTickers.Unique();
        await client.PinAsync(ticker, 100m);
        Assert.Equal("settled", (await (await client.MintAsync(ticker, quantity, currency: "USDT")).JsonAsync()).Str("status"));
        return (client, ticker);
    }

    /// Redeems one share of the position in <paramref name="currency"/> and returns the swap's source currency (null: no swap).
    private static async Task<string?> SwapFromAsync(HttpClient client, string positionId, string currency)
    {
        var redeem = await (await client.RedeemAsync(positionId, 1m, currency: currency)).JsonAsync();
        Assert.Equal("settled", redeem.Str("status"));
        var swap = redeem.GetProperty("payout").GetProperty("swap");
        if (swap.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        Assert.Equal((currency, "1.0000"), (swap.Str("to"), swap.Str("rate")));
        return swap.Str("from");
    }
}
