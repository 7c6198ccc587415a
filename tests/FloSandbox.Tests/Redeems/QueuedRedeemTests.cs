using System.Globalization;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;
using FloSandbox.Tests.Mints;

namespace FloSandbox.Tests.Redeems;

public class QueuedRedeemTests(MarketHoursFactory app) : IClassFixture<MarketHoursFactory>
{
    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task<DateTimeOffset> NextSessionAsync(HttpClient client) =>
        DateTimeOffset.Parse((await client.TenantAsync()).GetProperty("market").Str("next_session_at"), CultureInfo.InvariantCulture);

    /// A fresh tenant holding settled mints of <paramref name="tickers"/>, its clock moved past the close of
    /// the session they settled in: the market is shut.
    private static async Task<(HttpClient Client, Dictionary<string, JsonElement> Mints)> TenantAfterTheCloseAsync(
        SandboxFactory app, params (string Ticker, decimal Quantity)[] tickers)
    {
        var client = app.NewTenantClient();
        var now = DateTimeOffset.UtcNow;
        var saturday = new DateTimeOffset(now.Date.AddDays(((int)DayOfWeek.Saturday - (int)now.DayOfWeek + 7) % 7), TimeSpan.Zero).AddHours(17);
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", Iso(saturday > now ? saturday : saturday.AddDays(7))));
        var open = (await NextSessionAsync(client)).AddSeconds(1);
        await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", Iso(open)));
        var mints = new Dictionary<string, JsonElement>();
        foreach (var (ticker, quantity) in tickers)
        {
            var mint = await (await client.MintAsync(ticker, quantity)).JsonAsync();
            Assert.Equal("settled", mint.Str("status"));
            mints[ticker] = mint;
        }
        var closed = await (await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", Iso(open.AddHours(7))))).JsonAsync();
        Assert.False(closed.GetProperty("market").GetProperty("open").GetBoolean());
        return (client, mints);
    }

    [Fact]
    public async Task Outside_The_Session_A_Redeem_Burns_At_Once_Queues_And_Settles_When_The_Clock_Reaches_The_Open()
    {
        var (client, mints) = await TenantAfterTheCloseAsync(app, ("AAPL", 5m));
        var address = (await client.TenantAsync()).Str("settlement_address");
        var contract = mints["AAPL"].GetProperty("contract").Str("address");
        await client.PinAsync("AAPL", 200m);
        var balance = await client.BalanceAsync();

        var queued = await (await client.RedeemAsync(mints["AAPL"].Str("id"), 2m)).JsonAsync();

        Assert.Equal("queued", queued.Str("status"));
        Assert.Matches("^0x[0-9a-f]{64}$", queued.GetProperty("source").Str("burn_tx_hash"));
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("price").ValueKind);
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("payout").GetProperty("tx_hash").ValueKind);
        Assert.Equal(3m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(3m, await client.HeldAsync("AAPL"));
        Assert.Equal(["redeem.queued"], await app.EventTypesAsync(client, "redeem"));

        var open = (await NextSessionAsync(client)).AddSeconds(1);
        var settled = await (await client.GetAsync($"/v1/redeems/{queued.Str("id")}", ("X-Flo-Clock", Iso(open)))).JsonAsync();

        Assert.Equal("settled", settled.Str("status"));
        Assert.Equal("200.00", settled.Str("price"));
        Assert.Equal("399.44", settled.Str("proceeds_usdc"));
        Assert.Matches("^0x[0-9a-f]{64}$", settled.GetProperty("payout").Str("tx_hash"));
        Assert.Equal(open, DateTimeOffset.Parse(settled.Str("filled_at"), CultureInfo.InvariantCulture), TimeSpan.FromSeconds(5));
        Assert.Equal(balance + 399.44m, await client.BalanceAsync());
        Assert.Equal(balance + 399.44m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(3m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(["redeem.queued", "redeem.filled", "redeem.settled"], await app.EventTypesAsync(client, "redeem"));
    }

    [Fact]
    public async Task A_Queued_Redeem_That_Fails_At_Fill_Gives_The_Tokens_Back_On_Ledger_And_Chain()
    {
        var (client, mints) = await TenantAfterTheCloseAsync(app, ("MSFT", 4m));
        var address = (await client.TenantAsync()).Str("settlement_address");
        var contract = mints["MSFT"].GetProperty("contract").Str("address");

        var queued = await (await client.RedeemAsync(mints["MSFT"].Str("id"), 4m, headers: ("X-Flo-Fail-At", "fill"))).JsonAsync();
        Assert.Equal("queued", queued.Str("status"));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", contract, address));

        var open = (await NextSessionAsync(client)).AddSeconds(1);
        var failed = await (await client.GetAsync($"/v1/redeems/{queued.Str("id")}", ("X-Flo-Clock", Iso(open)))).JsonAsync();

        Assert.Equal("failed", failed.Str("status"));
        Assert.StartsWith("broker_rejected", failed.Str("failure_reason"));
        Assert.Equal(4m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(4m, await client.HeldAsync("MSFT"));
        Assert.Equal(["redeem.queued", "redeem.failed"], await app.EventTypesAsync(client, "redeem"));
    }

    [Fact]
    public async Task A_Reset_Forgets_A_Queued_Redeem_And_Nothing_Of_It_Runs_At_The_Open()
    {
        var (client, mints) = await TenantAfterTheCloseAsync(app, ("NVDA", 3m));
        var address = (await client.TenantAsync()).Str("settlement_address");
        var contract = mints["NVDA"].GetProperty("contract").Str("address");
        Assert.Equal("queued", (await (await client.RedeemAsync(mints["NVDA"].Str("id"), 1m)).JsonAsync()).Str("status"));

        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/reset", "{}"), System.Net.HttpStatusCode.OK);
        var open = (await NextSessionAsync(client)).AddSeconds(1);
        var redeems = await (await client.GetAsync("/v1/redeems", ("X-Flo-Clock", Iso(open)))).JsonAsync();

        Assert.Empty(redeems.GetProperty("data").EnumerateArray());
        Assert.Equal(0m, await client.HeldAsync("NVDA"));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(1_000_000m, await client.BalanceAsync());
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    [Fact]
    public async Task Outside_The_Session_A_Non_Fractional_Redeem_Is_Refused_And_Changes_Nothing()
    {
        var (client, mints) = await TenantAfterTheCloseAsync(app, ("ARCC", 3m));

        var problem = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mints["ARCC"].Str("id"), 1m), "market_closed_non_fractional");

        Assert.Equal("ARCC", problem.Str("asset"));
        Assert.Equal(3m, await client.HeldAsync("ARCC"));
        Assert.Empty(await app.EventTypesAsync(client, "redeem"));
        var fractional = await ProblemAssert.IsProblemAsync(await client.RedeemAsync(mints["ARCC"].Str("id"), 1.5m), "invalid_request");
        Assert.Equal("quantity", fractional.Str("param"));
    }
}
