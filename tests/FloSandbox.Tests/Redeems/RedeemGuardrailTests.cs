using System.Globalization;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// A sandbox whose redeem breaker trips at $500 per 10-minute block, so it can be reached cheaply.
public sealed class SmallRedeemGuardrailFactory() : SandboxFactory(new Dictionary<string, string?>
{
    ["Guardrails:RedeemMaxPerBlock"] = "500",
    ["Guardrails:BlockWindow"] = "00:10:00",
});

public class RedeemGuardrailTests(SmallRedeemGuardrailFactory app) : IClassFixture<SmallRedeemGuardrailFactory>
{
    /// A fresh tenant at the start of a block, holding a settled mint of 10 shares pinned at $100.
    private async Task<(HttpClient Client, JsonElement Mint)> TenantAtBlockStartAsync()
    {
        var client = app.NewTenantClient();
        var now = DateTimeOffset.Parse((await client.GetAsync("/v1/sandbox/tenant")).Header("X-Flo-Clock-Now"), CultureInfo.InvariantCulture);
        var blockStart = DateTimeOffset.FromUnixTimeMilliseconds((now.ToUnixTimeMilliseconds() / 600_000 + 1) * 600_000).AddSeconds(1);
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", blockStart.ToString("O", CultureInfo.InvariantCulture)));
        return (client, await client.SettledMintAsync(10m));
    }

    [Fact]
    public async Task Redeems_Are_Capped_Per_Block_And_Pass_Again_In_The_Next_Block()
    {
        var (client, mint) = await TenantAtBlockStartAsync();
        Assert.Equal("settled", (await (await client.RedeemAsync(mint.Str("id"), 4m)).JsonAsync()).Str("status"));

        var problem = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 2m), "guardrail_triggered", retryable: true);

        Assert.Equal("redeem_max_per_block", problem.Str("limit"));
        Assert.Equal("500.00", problem.Str("limit_value"));
        Assert.Equal("600.00", problem.Str("current_value"));
        Assert.InRange(problem.GetProperty("retry_after_seconds").GetInt32(), 1, 600);
        Assert.Equal(6m, await client.HeldAsync(mint.Str("asset")));
        Assert.Single((await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data").EnumerateArray());

        var next = await client.RedeemAsync(mint.Str("id"), 2m, headers: ("X-Flo-Clock", "+10m"));
        Assert.Equal("settled", (await next.JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task A_Redeem_Over_The_Limit_By_Itself_Is_Not_Retryable()
    {
        var (client, mint) = await TenantAtBlockStartAsync();

        var problem = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 6m), "guardrail_triggered", retryable: false);

        Assert.Equal("600.00", problem.Str("current_value"));
        Assert.Equal(0, problem.GetProperty("retry_after_seconds").GetInt32());
        Assert.Equal(10m, await client.HeldAsync(mint.Str("asset")));
    }

    [Fact]
    public async Task A_Failed_Redeem_No_Longer_Counts()
    {
        var (client, mint) = await TenantAtBlockStartAsync();
        var failed = await (await client.RedeemAsync(mint.Str("id"), 4m, headers: ("X-Flo-Fail-At", "fill"))).JsonAsync();
        Assert.Equal("failed", failed.Str("status"));

        var redeem = await (await client.RedeemAsync(mint.Str("id"), 5m)).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal(5m, await client.HeldAsync(mint.Str("asset")));
    }
}
