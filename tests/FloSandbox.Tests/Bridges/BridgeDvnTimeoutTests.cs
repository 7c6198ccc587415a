using System.Net;
using System.Text.Json;
using FloSandbox.Core.Outbox;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Bridges;

/// `X-Flo-Error: bridge_dvn_timeout` on `POST /v1/bridge` runs for real: the bridge is accepted, burned and
/// unwound, and the docs' 504 arrives once the tokens are back on the source chain.
public class BridgeDvnTimeoutTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task The_Injected_Timeout_Answers_504_After_A_Real_Unwind()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 3), HttpStatusCode.OK);

        var response = await client.BridgeAsync(ticker, 2, "base", "ethereum",
            headers: [("X-Flo-Error", "bridge_dvn_timeout"), ("Idempotency-Key", "timeout-1")]);

        var problem = await ProblemAssert.IsProblemAsync(response, "bridge_dvn_timeout", "/v1/bridge");
        Assert.Equal("bridge_dvn_timeout", response.Header("X-Flo-Error-Injected"));
        Assert.Equal("bridge.reverted", problem.Str("webhook_fired"));
        var bridge = await (await client.GetAsync($"/v1/bridges/{problem.Str("bridge_id")}")).JsonAsync();
        Assert.Equal("reverted", bridge.Str("status"));
        Assert.Equal(problem.Str("unwind_tx"), bridge.GetProperty("unwind").Str("tx_hash"));
        Assert.Contains(problem.Str("unwind_tx"), problem.Str("detail"));
        Assert.NotEqual(JsonValueKind.Null, bridge.GetProperty("source_burn").ValueKind);
        Assert.Equal("0/4", bridge.GetProperty("dvn").Str("quorum"));
        Assert.All(bridge.GetProperty("dvn").GetProperty("attestations").EnumerateArray(), a => Assert.Equal("missed", a.Str("status")));
        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        var tenantId = (await client.TenantAsync()).Str("id");
        var events = await _app.Services.GetRequiredService<OutboxStore>().ForTenantAsync(tenantId, CancellationToken.None);
        Assert.Equal(["bridge.queued", "bridge.reverted"], events.Select(e => e.Type).Where(t => t.StartsWith("bridge.", StringComparison.Ordinal)));

        // A retry of the same request does not bridge again: it finds the reverted bridge.
        var retry = await client.BridgeAsync(ticker, 2, "base", "ethereum", headers: ("Idempotency-Key", "timeout-1"));
        ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
        Assert.Equal(problem.Str("bridge_id"), (await retry.JsonAsync()).Str("id"));
        Assert.Single((await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "base"));
    }

    [Fact]
    public async Task The_Injected_Timeout_Still_Checks_The_Request_And_Changes_Nothing_When_It_Fails()
    {
        var client = _app.NewTenantClient();
        var response = await client.BridgeAsync("AAPL", 1, "base", "solana", headers: ("X-Flo-Error", "bridge_dvn_timeout"));
        await ProblemAssert.IsProblemAsync(response, "bridge_route_unsupported");
        var notHeld = await client.BridgeAsync("AAPL", 1, "base", "arbitrum", headers: ("X-Flo-Error", "bridge_dvn_timeout"));
        await ProblemAssert.IsProblemAsync(notHeld, "insufficient_position");
        Assert.Empty((await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").EnumerateArray());
    }
}
