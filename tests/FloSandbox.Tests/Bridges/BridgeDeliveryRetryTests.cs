using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Bridges;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Bridges;

/// `X-Flo-Fail-At: delivery`: the destination mint reverts on the destination chain for real, the relayer tries
/// again every 60 s of the tenant clock for 30 minutes with the source burn kept, then opens an incident.
public class BridgeDeliveryRetryTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private static int Attempts(JsonElement bridge) => bridge.GetProperty("delivery_attempts").GetInt32();

    private static DateTimeOffset Time(JsonElement bridge, string name) => DateTimeOffset.Parse(bridge.Str(name), CultureInfo.InvariantCulture);

    private static async Task<(HttpClient Client, string Ticker, string Wallet, string Id)> FailingBridgeAsync(string failAt)
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 3), HttpStatusCode.OK);
        var response = await client.BridgeAsync(ticker, 2, "base", "arbitrum", headers: ("X-Flo-Fail-At", failAt));
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        return (client, ticker, wallet, (await response.JsonAsync()).Str("id"));
    }

    /// Ledger and chain agree: what the wallet holds on base and on arbitrum.
    private static async Task AssertHoldsAsync(HttpClient client, string ticker, string wallet, decimal onBase, decimal onArbitrum)
    {
        Assert.Equal(onBase, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(onBase, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(onArbitrum, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(onArbitrum, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
    }

    [Fact]
    public async Task A_Failing_Destination_Mint_Stays_Sent_And_Is_Retried_Every_60_Seconds_With_The_Source_Burn_Kept()
    {
        var (client, ticker, wallet, id) = await FailingBridgeAsync("delivery");

        var first = await client.BridgeAtAsync(id, "+35s");
        Assert.Equal("sent", first.Str("status"));
        Assert.Equal(1, Attempts(first));
        var error = first.Str("last_delivery_error");
        Assert.StartsWith("destination_mint_reverted: ", error);
        Assert.Contains("NotOwner", error);
        Assert.Equal(Time(first, "created_at") + TimeSpan.FromSeconds(90), Time(first, "next_delivery_attempt_at"));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("failure_reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("destination_mint").ValueKind);

        // The failed attempt is a real transaction on the destination chain, mined and reverted.
        var receipt = await ChainReads.RpcAsync(client, "arbitrum", "eth_getTransactionReceipt", Regex.Match(error, "0x[0-9a-f]{64}").Value);
        Assert.Equal("0x0", receipt.Str("status"));

        Assert.Equal(1, Attempts(await client.BridgeAtAsync(id, "+45s")));
        var second = await client.BridgeAtAsync(id, "+15s");
        Assert.Equal(2, Attempts(second));
        Assert.Equal(Time(first, "created_at") + TimeSpan.FromSeconds(150), Time(second, "next_delivery_attempt_at"));
        var third = await client.BridgeAtAsync(id, "+60s");
        Assert.Equal(("sent", 3), (third.Str("status"), Attempts(third)));

        await AssertHoldsAsync(client, ticker, wallet, onBase: 1, onArbitrum: 0);
        Assert.Equal(["bridge.queued", "bridge.sent"], await _app.EventTypesAsync(client, "bridge"));
    }

    [Fact]
    public async Task A_Destination_Mint_That_Recovers_Inside_The_Window_Is_Delivered_Once()
    {
        var (client, ticker, wallet, id) = await FailingBridgeAsync("delivery; attempts=3");

        var delivered = await client.BridgeAtAsync(id, "+5m");
        Assert.Equal("delivered", delivered.Str("status"));
        Assert.Equal(4, Attempts(delivered));
        Assert.StartsWith("destination_mint_reverted: ", delivered.Str("last_delivery_error"));
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("next_delivery_attempt_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("failure_reason").ValueKind);
        var receipt = await ChainReads.RpcAsync(client, "arbitrum", "eth_getTransactionReceipt", delivered.GetProperty("destination_mint").Str("tx_hash"));
        Assert.Equal("0x1", receipt.Str("status"));

        Assert.Equal(4, Attempts(await client.BridgeAtAsync(id, "+10m")));
        await AssertHoldsAsync(client, ticker, wallet, onBase: 1, onArbitrum: 2);
        Assert.Equal(["bridge.queued", "bridge.sent", "bridge.delivered"], await _app.EventTypesAsync(client, "bridge"));
    }

    [Fact]
    public async Task After_Thirty_Minutes_Of_Failures_The_Relayer_Stops_And_The_Bridge_Stays_Sent_Without_Unwinding()
    {
        var (client, ticker, wallet, id) = await FailingBridgeAsync("delivery");

        // Attempts at 30 s, 90 s, … after acceptance: 29 of them by 29 minutes.
        var retrying = await client.BridgeAtAsync(id, "+29m");
        Assert.Equal(("sent", 29), (retrying.Str("status"), Attempts(retrying)));
        Assert.Equal(JsonValueKind.Null, retrying.GetProperty("failure_reason").ValueKind);

        var stopped = await client.BridgeAtAsync(id, "+2m");
        Assert.Equal(("sent", 31), (stopped.Str("status"), Attempts(stopped)));
        Assert.StartsWith("destination_mint_failed: all 31 attempts over 30 minutes failed.", stopped.Str("failure_reason"));
        Assert.Contains("the source burn is not unwound", stopped.Str("failure_reason"));
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("next_delivery_attempt_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("destination_mint").ValueKind);
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("unwind").ValueKind);
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("reverted_at").ValueKind);

        Assert.Equal(31, Attempts(await client.BridgeAtAsync(id, "+1h")));
        await AssertHoldsAsync(client, ticker, wallet, onBase: 1, onArbitrum: 0);
        Assert.Equal(["bridge.queued", "bridge.sent"], await _app.EventTypesAsync(client, "bridge"));
    }

    [Fact]
    public async Task A_Destination_Mint_That_Landed_Unrecorded_Is_Delivered_At_The_Cutoff_Instead_Of_An_Incident()
    {
        var (client, ticker, wallet, id) = await FailingBridgeAsync("delivery");
        Assert.Equal(29, Attempts(await client.BridgeAtAsync(id, "+29m")));

        // As if an attempt's mint had landed and its answer been lost: the chain has it, the ledger does not.
        var row = await _app.Services.GetRequiredService<LedgerDatabase>().ReadAsync(async ledger => (await BridgeStore.GetAsync(ledger, id))!);
        var landed = await _app.Services.GetRequiredService<BridgeChainEffects>().DeliverAsync(row, CancellationToken.None);

        var delivered = await client.BridgeAtAsync(id, "+2m");
        Assert.Equal("delivered", delivered.Str("status"));
        Assert.Equal(landed.TransactionHash, delivered.GetProperty("destination_mint").Str("tx_hash"));
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("failure_reason").ValueKind);
        await AssertHoldsAsync(client, ticker, wallet, onBase: 1, onArbitrum: 2);
        Assert.Equal(["bridge.queued", "bridge.sent", "bridge.delivered"], await _app.EventTypesAsync(client, "bridge"));
    }

    [Theory]
    [InlineData("fill")]
    [InlineData("Delivery")]
    [InlineData("delivery; attempts=0")]
    [InlineData("delivery; attempts=31")]
    [InlineData("delivery; attempts=x")]
    [InlineData("delivery, delivery")]
    public async Task An_Unknown_Fail_At_Value_Is_A_400_Naming_The_Header_And_Changes_Nothing(string value)
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 1), HttpStatusCode.OK);

        var problem = await ProblemAssert.IsProblemAsync(
            await client.BridgeAsync(ticker, 1, "base", "arbitrum", headers: ("X-Flo-Fail-At", value)), "invalid_request", "/v1/bridge");
        Assert.Equal("X-Flo-Fail-At", problem.Str("param"));
        Assert.Contains($"got '{value}'", problem.Str("detail"));
        Assert.Contains("N from 1 to 30", problem.Str("detail"));

        Assert.Empty((await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(1m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(1m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
    }
}
