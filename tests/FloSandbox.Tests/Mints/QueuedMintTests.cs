using System.Globalization;
using FloSandbox.Core.Outbox;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Mints;

public class QueuedMintTests(MarketHoursFactory app) : IClassFixture<MarketHoursFactory>
{
    /// Moves a fresh tenant's clock to the coming Saturday, 17:00 UTC: the market is shut.
    private static async Task<HttpClient> TenantOnSaturdayAsync(SandboxFactory app)
    {
        var client = app.NewTenantClient();
        var now = DateTimeOffset.UtcNow;
        var saturday = now.Date.AddDays(((int)DayOfWeek.Saturday - (int)now.DayOfWeek + 7) % 7 + 7).AddHours(17);
        var at = new DateTimeOffset(saturday, TimeSpan.Zero).AddDays(-7) > now ? saturday.AddDays(-7) : saturday;
        var response = await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        Assert.False((await response.JsonAsync()).GetProperty("market").GetProperty("open").GetBoolean());
        return client;
    }

    private static async Task<string> NextSessionAsync(HttpClient client) =>
        (await client.TenantAsync()).GetProperty("market").Str("next_session_at");

    private async Task<string[]> EventTypesAsync(HttpClient client) =>
        [.. (await app.Services.GetRequiredService<OutboxStore>().ForTenantAsync((await client.TenantAsync()).Str("id"), CancellationToken.None)).Select(e => e.Type)];

    [Fact]
    public async Task Outside_The_Session_A_Fractional_Mint_Queues_And_Settles_When_The_Clock_Reaches_The_Open()
    {
        var client = await TenantOnSaturdayAsync(app);
        var address = (await client.TenantAsync()).Str("settlement_address");
        var queued = await (await client.MintAsync("AAPL", 2.5m)).JsonAsync();
        Assert.Equal("queued", queued.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, queued.GetProperty("tx_hash").ValueKind);
        var debited = 1_000_000m - queued.Dec("total_usdc");
        Assert.Equal(debited, await client.BalanceAsync());
        Assert.Equal(debited, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));

        var open = DateTimeOffset.Parse(await NextSessionAsync(client), CultureInfo.InvariantCulture).AddSeconds(1);
        var settled = await (await client.GetAsync($"/v1/mints/{queued.Str("id")}",
            ("X-Flo-Clock", open.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)))).JsonAsync();
        Assert.Equal("settled", settled.Str("status"));
        Assert.Matches("^0x[0-9a-f]{64}$", settled.Str("tx_hash"));
        Assert.NotNull(settled.Str("filled_at"));
        Assert.Equal(["mint.queued", "mint.filled", "mint.settled"], (await EventTypesAsync(client)).Where(t => t.StartsWith("mint.", StringComparison.Ordinal) && t != "mint.contract_deployed"));
        Assert.Equal(2.5m, await ChainReads.BalanceOfAsync(client, "base", settled.GetProperty("contract").Str("address"), address));
        var afterSettlement = 1_000_000m - settled.Dec("total_usdc");
        Assert.Equal(afterSettlement, await client.BalanceAsync());
        Assert.Equal(afterSettlement, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    [Fact]
    public async Task Outside_The_Session_A_Non_Fractional_Mint_Is_Refused_With_The_Next_Session()
    {
        var client = await TenantOnSaturdayAsync(app);
        var response = await client.MintAsync("ARCC", 3);
        var problem = await ProblemAssert.IsProblemAsync(response, "market_closed_non_fractional");
        Assert.Equal("ARCC", problem.Str("asset"));
        Assert.Equal(await NextSessionAsync(client), problem.Str("next_session_at").Replace("Z", ".000Z"));
        Assert.InRange(problem.GetProperty("seconds_until_session").GetInt64(), 3600, 4 * 86400);
        Assert.Equal(1_000_000m, await client.BalanceAsync());
    }

    [Fact]
    public async Task A_Queued_Mint_That_Fails_At_Fill_Is_Refunded_On_Ledger_And_Chain()
    {
        var client = await TenantOnSaturdayAsync(app);
        var address = (await client.TenantAsync()).Str("settlement_address");
        var queued = await (await client.MintAsync("MSFT", 1, headers: ("X-Flo-Fail-At", "fill"))).JsonAsync();
        Assert.Equal("queued", queued.Str("status"));

        var open = DateTimeOffset.Parse(await NextSessionAsync(client), CultureInfo.InvariantCulture).AddSeconds(1);
        var failed = await (await client.GetAsync($"/v1/mints/{queued.Str("id")}",
            ("X-Flo-Clock", open.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)))).JsonAsync();
        Assert.Equal("failed", failed.Str("status"));
        Assert.StartsWith("broker_rejected", failed.Str("failure_reason"));
        Assert.Equal(1_000_000m, await client.BalanceAsync());
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(["mint.queued", "mint.failed"], await EventTypesAsync(client));
    }
}
