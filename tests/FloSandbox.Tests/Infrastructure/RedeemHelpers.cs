using System.Globalization;
using System.Text.Json;
using FloSandbox.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Infrastructure;

public static class RedeemHelpers
{
    public static Task<HttpResponseMessage> RedeemAsync(this HttpClient client, string positionId, decimal quantity, string chain = "base",
        string currency = "USDC", string? wallet = null, params (string Name, string Value)[] headers)
    {
        var payout = wallet is null
            ? $$"""{"currency":"{{currency}}","chain":"{{chain}}"}"""
            : $$"""{"currency":"{{currency}}","chain":"{{chain}}","wallet":"{{wallet}}"}""";
        return client.PostJsonAsync("/v1/redeem",
            $$"""{"position_id":"{{positionId}}","quantity":"{{quantity.ToString(CultureInfo.InvariantCulture)}}","payout":{{payout}}}""", headers);
    }

    /// A settled mint of a fresh ticker at a pinned price, so every amount after it is exact.
    public static async Task<JsonElement> SettledMintAsync(this HttpClient client, decimal quantity, decimal price = 100m, string chain = "base")
    {
        var ticker = TestTickers.Unique();
        await client.PinAsync(ticker, price);
        var mint = await (await client.MintAsync(ticker, quantity, chain)).JsonAsync();
        Assert.Equal("settled", mint.Str("status"));
        return mint;
    }

    public static async Task<string[]> EventTypesAsync(this SandboxFactory app, HttpClient client, string family)
    {
        var tenantId = (await client.TenantAsync()).Str("id");
        var events = await app.Services.GetRequiredService<OutboxStore>().ForTenantAsync(tenantId, CancellationToken.None);
        return [.. events.Select(e => e.Type).Where(t => t.StartsWith(family + ".", StringComparison.Ordinal))];
    }

    /// Sets what the tenant's payout pool of (currency, chain) holds; returns the pool as the route answers.
    public static async Task<JsonElement> SetPoolAsync(this HttpClient client, string currency, string chain, decimal liquidity)
    {
        var response = await client.PostJsonAsync($"/v1/sandbox/payout_pools/{currency}/{chain}",
            $$"""{"liquidity_usdc":"{{liquidity.ToString(CultureInfo.InvariantCulture)}}"}""");
        ProblemAssert.IsStatus(response, System.Net.HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> PoolAsync(this HttpClient client, string currency, string chain) =>
        (await (await client.GetAsync("/v1/sandbox/payout_pools")).JsonAsync()).GetProperty("pools").EnumerateArray()
            .Single(p => p.Str("currency") == currency && p.Str("chain") == chain);

    /// The payout transaction as the chain has it: its receipt must say it succeeded.
    public static async Task AssertPaidOnChainAsync(this HttpClient client, JsonElement redeem)
    {
        var payout = redeem.GetProperty("payout");
        var receipt = await ChainReads.RpcAsync(client, payout.Str("chain"), "eth_getTransactionReceipt", payout.Str("tx_hash"));
        Assert.Equal("0x1", receipt.Str("status"));
    }

    public static async Task<decimal> HeldAsync(this HttpClient client, string ticker)
    {
        var response = await client.GetAsync($"/v1/positions/{ticker}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? 0m : (await response.JsonAsync()).Dec("quantity");
    }
}
