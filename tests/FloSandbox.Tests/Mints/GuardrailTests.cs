using System.Globalization;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

/// A sandbox with small guardrails and 10-minute blocks, so each breaker can be reached cheaply.
public sealed class SmallGuardrailsFactory() : SandboxFactory(new Dictionary<string, string?>
{
    ["Guardrails:MintMaxNotionalPerAddressPerBlock"] = "600",
    ["Guardrails:MintMaxTotalPerBlock"] = "1000",
    ["Guardrails:MintDailyNotionalPerAsset"] = "1500",
    ["Guardrails:BlockWindow"] = "00:10:00",
});

public class GuardrailTests(SmallGuardrailsFactory app) : IClassFixture<SmallGuardrailsFactory>
{
    /// A fresh tenant at the start of a block, with the ticker deployed and pinned at $100.
    private async Task<HttpClient> TenantAtBlockStartAsync(string ticker)
    {
        var client = app.NewTenantClient();
        var now = DateTimeOffset.Parse((await client.GetAsync("/v1/sandbox/tenant")).Header("X-Flo-Clock-Now"), CultureInfo.InvariantCulture);
        var blockStart = DateTimeOffset.FromUnixTimeMilliseconds((now.ToUnixTimeMilliseconds() / 600_000 + 1) * 600_000).AddSeconds(1);
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", blockStart.ToString("O", CultureInfo.InvariantCulture)));
        await client.DeployAsync(ticker);
        await client.PinAsync(ticker, 100m);
        return client;
    }

    [Fact]
    public async Task Below_The_Minimum_Is_Refused()
    {
        var ticker = TestTickers.Unique();
        var client = await TenantAtBlockStartAsync(ticker);
        var problem = await ProblemAssert.IsProblemAsync(await client.MintAsync(ticker, 0.05m), "guardrail_triggered", retryable: false);
        Assert.Equal("mint_min_per_tx", problem.Str("limit"));
        Assert.Equal("10.00", problem.Str("limit_value"));
        Assert.Equal("5.00", problem.Str("current_value"));
        Assert.Equal(0, problem.GetProperty("retry_after_seconds").GetInt32());
    }

    [Fact]
    public async Task A_Mint_Over_A_Block_Limit_By_Itself_Is_Not_Retryable()
    {
        var ticker = TestTickers.Unique();
        var client = await TenantAtBlockStartAsync(ticker);
        var problem = await ProblemAssert.IsProblemAsync(await client.MintAsync(ticker, 7), "guardrail_triggered", retryable: false);
        Assert.Equal("mint_max_notional_per_address_per_block", problem.Str("limit"));
        Assert.Equal("700.00", problem.Str("current_value"));
        Assert.Equal(0, problem.GetProperty("retry_after_seconds").GetInt32());
    }

    [Fact]
    public async Task One_Address_Is_Capped_Per_Block()
    {
        var ticker = TestTickers.Unique();
        var client = await TenantAtBlockStartAsync(ticker);
        Assert.Equal("settled", (await (await client.MintAsync(ticker, 4)).JsonAsync()).Str("status"));
        var problem = await ProblemAssert.IsProblemAsync(await client.MintAsync(ticker, 3), "guardrail_triggered");
        Assert.Equal("mint_max_notional_per_address_per_block", problem.Str("limit"));
        Assert.Equal("600.00", problem.Str("limit_value"));
        Assert.Equal("700.00", problem.Str("current_value"));
        Assert.InRange(problem.GetProperty("retry_after_seconds").GetInt32(), 1, 600);
        Assert.Equal("settled", (await (await client.MintAsync(ticker, 3, wallet: MintHelpers.RandomWallet())).JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task A_Failed_Mint_No_Longer_Counts()
    {
        var ticker = TestTickers.Unique();
        var client = await TenantAtBlockStartAsync(ticker);
        Assert.Equal("failed", (await (await client.MintAsync(ticker, 5, headers: ("X-Flo-Fail-At", "fill"))).JsonAsync()).Str("status"));
        Assert.Equal("settled", (await (await client.MintAsync(ticker, 5)).JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task All_Mints_Of_The_Tenant_Are_Capped_Per_Block_And_The_Next_Block_Admits_Again()
    {
        var ticker = TestTickers.Unique();
        var client = await TenantAtBlockStartAsync(ticker);
        await client.MintAsync(ticker, 5, wallet: MintHelpers.RandomWallet());
        await client.MintAsync(ticker, 5, wallet: MintHelpers.RandomWallet());
        var problem = await ProblemAssert.IsProblemAsync(await client.MintAsync(ticker, 1, wallet: MintHelpers.RandomWallet()), "guardrail_triggered");
        Assert.Equal("mint_max_total_per_block", problem.Str("limit"));
        Assert.Equal("1100.00", problem.Str("current_value"));

        var later = await client.MintAsync(ticker, 1, wallet: MintHelpers.RandomWallet(), headers: ("X-Flo-Clock", "+10m"));
        Assert.Equal("settled", (await later.JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task One_Asset_Is_Capped_Per_Day()
    {
        var ticker = TestTickers.Unique();
        var client = await TenantAtBlockStartAsync(ticker);
        await client.MintAsync(ticker, 5);
        await client.MintAsync(ticker, 5, headers: ("X-Flo-Clock", "+15m"));
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+15m"));
        var problem = await ProblemAssert.IsProblemAsync(await client.MintAsync(ticker, 6), "guardrail_triggered");
        Assert.Equal("mint_daily_notional_per_asset", problem.Str("limit"));
        Assert.Equal("1500.00", problem.Str("limit_value"));
        Assert.Equal("1600.00", problem.Str("current_value"));
        Assert.Equal(1_000_000m - 2 * 500.71m, await client.BalanceAsync());
    }
}
