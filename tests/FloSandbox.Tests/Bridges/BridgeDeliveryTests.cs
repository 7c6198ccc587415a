using System.Net;
using System.Text.Json;
using FloSandbox.Core.Outbox;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Bridges;

public class BridgeDeliveryTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private async Task<string[]> BridgeEventsAsync(HttpClient client)
    {
        var tenantId = (await client.TenantAsync()).Str("id");
        var events = await _app.Services.GetRequiredService<OutboxStore>().ForTenantAsync(tenantId, CancellationToken.None);
        return [.. events.Select(e => e.Type).Where(t => t.StartsWith("bridge.", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task A_Bridge_From_Base_To_Arbitrum_Is_Delivered_Within_Two_Minutes_And_The_Chains_Agree_With_The_Positions()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 10), HttpStatusCode.OK);

        var response = await client.BridgeAsync(ticker, 4, "base", "arbitrum");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var queued = await response.JsonAsync();
        Assert.Equal("bridge", queued.Str("object"));
        Assert.StartsWith("brg_", queued.Str("id"));
        Assert.Equal("queued", queued.Str("status"));
        Assert.Equal("4.000000", queued.Str("quantity"));
        Assert.Equal(wallet, queued.Str("destination"));
        Assert.Equal("0.00", queued.Str("flo_fee_usdc"));
        Assert.Equal("0/4", queued.GetProperty("dvn").Str("quorum"));
        Assert.All(queued.GetProperty("dvn").GetProperty("attestations").EnumerateArray(), a => Assert.Equal("pending", a.Str("status")));
        var burn = queued.GetProperty("source_burn");
        Assert.Equal("base", burn.Str("chain"));
        Assert.Matches("^0x[0-9a-f]{64}$", burn.Str("tx_hash"));
        Assert.True(burn.GetProperty("gas_used").GetInt64() > 20_000);
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("destination_mint").ValueKind);
        Assert.Equal(6m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(6m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));

        var delivered = await client.BridgeAtAsync(queued.Str("id"), "+2m");
        Assert.Equal("delivered", delivered.Str("status"));
        Assert.Equal("4/4", delivered.GetProperty("dvn").Str("quorum"));
        Assert.Equal(["LayerZero Labs", "Google Cloud", "Polyhedra", "Nethermind"],
            delivered.GetProperty("dvn").GetProperty("attestations").EnumerateArray().Select(a => a.Str("name")));
        Assert.All(delivered.GetProperty("dvn").GetProperty("attestations").EnumerateArray(), a => Assert.Equal("attested", a.Str("status")));
        var mint = delivered.GetProperty("destination_mint");
        Assert.Equal("arbitrum", mint.Str("chain"));
        Assert.Matches("^0x[0-9a-f]{64}$", mint.Str("tx_hash"));
        Assert.True(mint.GetProperty("gas_used").GetInt64() > 20_000);
        Assert.NotNull(delivered.GetProperty("sent_at").GetString());
        Assert.NotNull(delivered.GetProperty("delivered_at").GetString());

        Assert.Equal(6m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(4m, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(6m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(4m, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
        Assert.Equal(["bridge.queued", "bridge.sent", "bridge.delivered"], await BridgeEventsAsync(client));
    }

    [Fact]
    public async Task A_Leg_On_Ethereum_Is_Sent_At_The_Third_Attestation_And_Delivered_After_A_Minute()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var destination = MintHelpers.RandomWallet();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 5, chain: "arbitrum"), HttpStatusCode.OK);
        var queued = await (await client.BridgeAsync(ticker, 5, "arbitrum", "ethereum", destination)).JsonAsync();

        // The DVNs attest at 15, 25, 35 and 45 s on a leg touching Ethereum; the mint lands at 60 s.
        var early = await client.BridgeAtAsync(queued.Str("id"), "+20s");
        Assert.Equal("queued", early.Str("status"));
        Assert.Equal(JsonValueKind.Null, early.GetProperty("sent_at").ValueKind);

        var sent = await client.BridgeAtAsync(queued.Str("id"), "+20s");
        Assert.Equal("sent", sent.Str("status"));
        Assert.Contains(sent.GetProperty("dvn").Str("quorum"), new[] { "3/4", "4/4" });
        Assert.Equal(sent.GetProperty("dvn").Str("reached_at"), sent.Str("sent_at"));
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("destination_mint").ValueKind);

        var delivered = await client.BridgeAtAsync(queued.Str("id"), "+25s");
        Assert.Equal("delivered", delivered.Str("status"));
        Assert.Equal(5m, await client.HeldAsync(ticker, destination.ToLowerInvariant(), "ethereum"));
        Assert.Equal(5m, await ChainReads.TokenBalanceAsync(client, ticker, "ethereum", destination));
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", (await client.TenantAsync()).Str("settlement_address")));
    }

    [Fact]
    public async Task Without_A_Quorum_In_Ten_Minutes_The_Burn_Is_Unwound_And_The_Tokens_Are_Back_On_The_Source_Chain()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 3), HttpStatusCode.OK);
        await client.SetDvnsAsync("""{"withhold":["Google Cloud","Polyhedra"]}""");

        var queued = await (await client.BridgeAsync(ticker, 3, "base", "arbitrum")).JsonAsync();
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));

        var waiting = await client.BridgeAtAsync(queued.Str("id"), "+9m");
        Assert.Equal("queued", waiting.Str("status"));
        Assert.Equal("2/4", waiting.GetProperty("dvn").Str("quorum"));

        var reverted = await client.BridgeAtAsync(queued.Str("id"), "+2m");
        Assert.Equal("reverted", reverted.Str("status"));
        Assert.StartsWith("dvn_quorum_timeout", reverted.Str("failure_reason"));
        Assert.Equal(["attested", "missed", "missed", "attested"],
            reverted.GetProperty("dvn").GetProperty("attestations").EnumerateArray().Select(a => a.Str("status")));
        Assert.Equal(JsonValueKind.Null, reverted.GetProperty("dvn").GetProperty("reached_at").ValueKind);
        var unwind = reverted.GetProperty("unwind");
        Assert.Equal("base", unwind.Str("chain"));
        Assert.Matches("^0x[0-9a-f]{64}$", unwind.Str("tx_hash"));
        Assert.Equal(JsonValueKind.Null, reverted.GetProperty("destination_mint").ValueKind);

        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(0m, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(["bridge.queued", "bridge.reverted"], await BridgeEventsAsync(client));
    }

    [Fact]
    public async Task A_Delayed_Dvn_Still_Counts_When_It_Attests_Inside_The_Window()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 1), HttpStatusCode.OK);
        await client.SetDvnsAsync("""{"withhold":["Polyhedra"],"delays":[{"dvn":"nethermind","seconds":300}]}""");
        var queued = await (await client.BridgeAsync(ticker, 1, "base", "arbitrum")).JsonAsync();

        Assert.Equal("queued", (await client.BridgeAtAsync(queued.Str("id"), "+4m")).Str("status"));
        var delivered = await client.BridgeAtAsync(queued.Str("id"), "+2m");
        Assert.Equal("delivered", delivered.Str("status"));
        Assert.Equal("3/4", delivered.GetProperty("dvn").Str("quorum"));
    }

    [Fact]
    public async Task Tokens_Minted_To_Another_Wallet_Bridge_From_It_When_The_Request_Names_It()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var (holder, destination) = (MintHelpers.RandomWallet(), MintHelpers.RandomWallet());
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 2, chain: "ethereum", wallet: holder), HttpStatusCode.OK);

        var response = await client.PostJsonAsync("/v1/bridge",
            $$"""{"token":"{{ticker}}","quantity":2,"from_chain":"ethereum","to_chain":"base","source_wallet":"{{holder}}","destination":"{{destination}}"}""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var id = (await response.JsonAsync()).Str("id");

        Assert.Equal("delivered", (await client.BridgeAtAsync(id, "+70s")).Str("status"));
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(client, ticker, "ethereum", holder));
        Assert.Equal(2m, await ChainReads.TokenBalanceAsync(client, ticker, "base", destination));
        Assert.Equal(2m, await client.HeldAsync(ticker, destination.ToLowerInvariant(), "base"));
    }

    [Fact]
    public async Task A_Reset_Forgets_A_Bridge_In_Flight_And_No_Step_Of_It_Runs_Afterwards()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 3), HttpStatusCode.OK);
        await client.SetDvnsAsync("""{"withhold":["LayerZero Labs","Google Cloud"]}""");
        var id = (await (await client.BridgeAsync(ticker, 2, "base", "arbitrum")).JsonAsync()).Str("id");

        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/reset", "{}"), HttpStatusCode.OK);
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+11m"));

        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/v1/bridges/{id}"), "resource_not_found");
        Assert.Equal(0m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
    }
}
