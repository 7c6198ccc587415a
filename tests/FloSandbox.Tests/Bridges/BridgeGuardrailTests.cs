using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Bridges;

/// The docs' bridge guardrails, on a sandbox of its own with low thresholds (USD of notional at the tenant's price).
public sealed class BridgeGuardrailTests : IDisposable
{
    private readonly SandboxFactory _app = new(new Dictionary<string, string?>
    {
        ["Guardrails:BridgeMinAmountPerTx"] = "10",
        ["Guardrails:BridgeMaxAmountPerTx"] = "50",
        ["Guardrails:BridgeMaxTotalPerBlock"] = "80",
    });

    [Fact]
    public async Task Dust_An_Oversized_Message_And_Too_Much_On_One_Route_In_One_Block_Are_Refused_And_Change_Nothing()
    {
        var client = _app.NewTenantClient();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        var ticker = TestTickers.Unique();
        await client.PinAsync(ticker, 10m);
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 20), HttpStatusCode.OK);

        var dust = await ProblemAssert.IsProblemAsync(await client.BridgeAsync(ticker, 0.5m, "base", "arbitrum"), "guardrail_triggered", retryable: false);
        Assert.Equal("bridge_min_amount_per_tx", dust.Str("limit"));
        Assert.Equal("5.00", dust.Str("current_value"));
        Assert.Equal(0, dust.GetProperty("retry_after_seconds").GetInt32());
        var large = await ProblemAssert.IsProblemAsync(await client.BridgeAsync(ticker, 6, "base", "arbitrum"), "guardrail_triggered", retryable: false);
        Assert.Equal("bridge_max_amount_per_tx", large.Str("limit"));
        Assert.Equal("50.00", large.Str("limit_value"));
        Assert.Equal("60.00", large.Str("current_value"));

        // Start of a fresh block on the tenant clock, so the next requests share it.
        var now = DateTimeOffset.Parse((await client.GetAsync("/v1/sandbox/tenant")).Header("X-Flo-Clock-Now"), CultureInfo.InvariantCulture);
        var block = DateTimeOffset.FromUnixTimeMilliseconds((now.ToUnixTimeMilliseconds() / 12_000 + 2) * 12_000);
        ProblemAssert.IsStatus(await client.BridgeAsync(ticker, 4, "base", "arbitrum",
            headers: ("X-Flo-Clock", block.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))), HttpStatusCode.OK);
        ProblemAssert.IsStatus(await client.BridgeAsync(ticker, 4, "base", "arbitrum"), HttpStatusCode.OK);
        ProblemAssert.IsStatus(await client.BridgeAsync(ticker, 4, "base", "ethereum"), HttpStatusCode.OK);
        var perBlock = await ProblemAssert.IsProblemAsync(await client.BridgeAsync(ticker, 1, "base", "arbitrum"), "guardrail_triggered", retryable: true);
        Assert.Equal("bridge_max_total_per_block", perBlock.Str("limit"));
        Assert.Equal("90.00", perBlock.Str("current_value"));
        Assert.InRange(perBlock.GetProperty("retry_after_seconds").GetInt32(), 1, 12);

        Assert.Equal(3, (await (await client.GetAsync("/v1/bridges")).JsonAsync()).GetProperty("data").GetArrayLength());
        Assert.Equal(8m, await client.HeldAsync(ticker, wallet, "base"));
        ProblemAssert.IsStatus(await client.BridgeAsync(ticker, 1, "base", "arbitrum", headers: ("X-Flo-Clock", "+12s")), HttpStatusCode.OK);
        Assert.Equal(7m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
    }

    public void Dispose() => _app.Dispose();
}
