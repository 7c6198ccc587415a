using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// A sandbox configured with `redeem_cool_down` on: a wallet that redeems more than half of its holding of an
/// asset within 24 h cools down for an hour.
public sealed class RedeemCoolDownFactory() : SandboxFactory(new Dictionary<string, string?>
{
    ["Guardrails:RedeemCoolDownRatioBps"] = "5000",
    ["Guardrails:RedeemCoolDown"] = "01:00:00",
});

public class RedeemCoolDownTests(RedeemCoolDownFactory app) : IClassFixture<RedeemCoolDownFactory>
{
    [Fact]
    public async Task A_Redeem_Over_The_Daily_Ratio_Is_Refused_Changing_Nothing_And_Starts_The_Wallets_Cool_Down()
    {
        var client = app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(10m);
        var (ticker, contract) = (mint.Str("asset"), mint.GetProperty("contract").Str("address"));
        Assert.Equal("settled", (await (await client.RedeemAsync(mint.Str("id"), 4m)).JsonAsync()).Str("status"));
        var balance = await client.BalanceAsync();

        var refused = await client.RedeemAsync(mint.Str("id"), 2m);

        var problem = await ProblemAssert.IsProblemAsync(refused, "guardrail_triggered", retryable: true);
        Assert.Equal("redeem_cool_down", problem.Str("limit"));
        Assert.Equal("5000", problem.Str("limit_value"));
        Assert.Equal("6000", problem.Str("current_value"));
        Assert.Equal(3600, problem.GetProperty("retry_after_seconds").GetInt32());
        Assert.Contains(address, problem.Str("detail"));
        Assert.Equal(6m, await client.HeldAsync(ticker));
        Assert.Equal(6m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(balance, await client.BalanceAsync());
        Assert.Single((await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(["redeem.queued", "redeem.filled", "redeem.settled"], await app.EventTypesAsync(client, "redeem"));
        var setting = await (await client.GetAsync("/v1/sandbox/guardrails/redeem_cool_down")).JsonAsync();
        var cooling = Assert.Single(setting.GetProperty("cooling_down").EnumerateArray());
        Assert.Equal(address.ToLowerInvariant(), cooling.Str("wallet"));

        // Under the threshold by itself, still refused while the wallet cools down.
        var small = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 0.5m), "guardrail_triggered", retryable: true);
        Assert.Equal("4500", small.Str("current_value"));
        Assert.InRange(small.GetProperty("retry_after_seconds").GetInt32(), 3500, 3600);

        var after = await (await client.RedeemAsync(mint.Str("id"), 0.5m, headers: ("X-Flo-Clock", "+1h"))).JsonAsync();
        Assert.Equal("settled", after.Str("status"));
        Assert.Equal(5.5m, await client.HeldAsync(ticker));
    }

    [Fact]
    public async Task The_Cool_Down_Holds_The_Whole_Wallet_And_No_Other()
    {
        var client = app.NewTenantClient();
        var other = MintHelpers.RandomWallet();
        var first = await client.SettledMintAsync(10m);
        var second = await client.SettledMintAsync(10m);
        var elsewhere = await (await client.MintAsync(first.Str("asset"), 10m, wallet: other)).JsonAsync();
        Assert.Equal("settled", elsewhere.Str("status"));

        var problem = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(first.Str("id"), 6m), "guardrail_triggered");
        Assert.Equal("6000", problem.Str("current_value"));

        await ProblemAssert.IsProblemAsync(await client.RedeemAsync(second.Str("id"), 1m), "guardrail_triggered");
        Assert.Equal("settled", (await (await client.RedeemAsync(elsewhere.Str("id"), 5m)).JsonAsync()).Str("status"));
        Assert.Equal(10m, await client.HeldAsync(first.Str("asset")));
    }

    [Fact]
    public async Task Failed_Redeems_And_Redeems_Older_Than_A_Day_Do_Not_Count_And_Half_Is_Not_Over_Half()
    {
        var client = app.NewTenantClient();
        var mint = await client.SettledMintAsync(10m);
        var failed = await (await client.RedeemAsync(mint.Str("id"), 4m, headers: ("X-Flo-Fail-At", "fill"))).JsonAsync();
        Assert.Equal("failed", failed.Str("status"));

        Assert.Equal("settled", (await (await client.RedeemAsync(mint.Str("id"), 4m)).JsonAsync()).Str("status"));

        var nextDay = await (await client.RedeemAsync(mint.Str("id"), 3m, headers: ("X-Flo-Clock", "+25h"))).JsonAsync();
        Assert.Equal("settled", nextDay.Str("status"));
        var over = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 0.01m), "guardrail_triggered");
        Assert.Equal("5017", over.Str("current_value"));
        Assert.Equal(3m, await client.HeldAsync(mint.Str("asset")));
    }

    [Fact]
    public async Task The_Configured_Rule_Reads_Back_And_A_Tenant_May_Turn_It_Off()
    {
        var client = app.NewTenantClient();
        var setting = await (await client.GetAsync("/v1/sandbox/guardrails/redeem_cool_down")).JsonAsync();
        Assert.True(setting.GetProperty("enabled").GetBoolean());
        Assert.Equal((5000, 3600, 86400), (setting.GetProperty("ratio_bps").GetInt32(), setting.GetProperty("cool_down_seconds").GetInt32(),
            setting.GetProperty("window_seconds").GetInt32()));
        var mint = await client.SettledMintAsync(10m);
        await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mint.Str("id"), 8m), "guardrail_triggered");

        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/guardrails/redeem_cool_down", """{"enabled":false}"""), HttpStatusCode.OK);

        Assert.Equal("settled", (await (await client.RedeemAsync(mint.Str("id"), 8m)).JsonAsync()).Str("status"));
        Assert.True((await (await app.NewTenantClient().GetAsync("/v1/sandbox/guardrails/redeem_cool_down")).JsonAsync())
            .GetProperty("enabled").GetBoolean());
    }
}
