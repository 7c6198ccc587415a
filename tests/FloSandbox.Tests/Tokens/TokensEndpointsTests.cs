using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Tokens;

public class TokensEndpointsTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Paging_With_Limit_100_Walks_Every_Token_Once_In_Order()
    {
        var client = _app.NewTenantClient();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        while (true)
        {
            var url = "/v1/tokens?limit=100" + (cursor is null ? "" : "&starting_after=" + cursor);
            var response = await client.GetAsync(url);
            ProblemAssert.IsStatus(response, HttpStatusCode.OK);
            var page = await response.JsonAsync();
            Assert.Equal("list", page.Str("object"));
            var data = page.GetProperty("data").EnumerateArray().Select(t => t.Str("ticker")).ToList();
            Assert.InRange(data.Count, 1, 100);
            seen.AddRange(data);
            pages++;
            if (!page.GetProperty("has_more").GetBoolean())
            {
                Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
                break;
            }
            cursor = page.Str("next_cursor");
            Assert.Equal(data[^1], cursor);
        }
        Assert.True(seen.Count >= 8000, $"only {seen.Count} tokens");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.OrderBy(t => t, StringComparer.Ordinal), seen);
        Assert.Equal((seen.Count + 99) / 100, pages);
    }

    [Fact]
    public async Task Default_Page_Has_Ten_Tokens_With_Supply_And_Nav()
    {
        var page = await (await _app.NewTenantClient().GetAsync("/v1/tokens")).JsonAsync();
        var data = page.GetProperty("data");
        Assert.Equal(10, data.GetArrayLength());
        var first = data[0];
        Assert.Equal("token", first.Str("object"));
        Assert.Equal("0.000000", first.Str("supply"));
        Assert.Matches(@"^\d+\.\d{2}$", first.Str("nav_usdc"));
        Assert.Matches("^SPV-", first.Str("spv_id"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("starting_after=NOPE_NOT_A_TICKER", "starting_after")]
    [InlineData("starting_after=", "starting_after")]
    public async Task Bad_Paging_Parameters_Are_Refused(string query, string param)
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/tokens?" + query);
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal(param, body.Str("param"));
    }

    [Theory]
    [InlineData("AAPL", "large_cap_equity", 7000, 7800)]
    [InlineData("spy", "blue_chip_etf", 7500, 8200)]
    [InlineData("TLT", "government_bond", 8500, 9200)]
    [InlineData("HYG", "corporate_credit", 6500, 7500)]
    [InlineData("BXSL", "private_credit", 4000, 5500)]
    public async Task Retrieve_Returns_The_Full_Record(string ticker, string assetClass, int maxLtv, int liquidationLtv)
    {
        var response = await _app.NewTenantClient().GetAsync($"/v1/tokens/{ticker}");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var token = await response.JsonAsync();
        Assert.Equal(ticker.ToUpperInvariant(), token.Str("ticker"));
        Assert.Equal(assetClass, token.Str("asset_class"));
        Assert.Equal(token.Str("spv_id"), token.GetProperty("spv").Str("id"));
        Assert.Equal("Ankura Trust", token.GetProperty("spv").Str("security_agent"));
        Assert.Matches($"^https://attest.flo.finance/ATT-\\d{{4}}-\\d{{2}}-\\d{{2}}-{ticker.ToUpperInvariant()}\\.pdf$", token.Str("attestation_url"));
        Assert.Equal("0.000000", token.Str("supply"));
        Assert.Equal(token.Str("nav_usdc"), token.GetProperty("nav").Str("price"));
        Assert.Equal(30, token.GetProperty("twap").GetProperty("window_seconds").GetInt32());
        Assert.Equal(maxLtv, token.GetProperty("borrow").GetProperty("max_ltv_bps").GetInt32());
        Assert.Equal(liquidationLtv, token.GetProperty("borrow").GetProperty("liquidation_ltv_bps").GetInt32());
        var chains = token.GetProperty("distribution").EnumerateArray().Select(d => d.Str("chain")).ToArray();
        Assert.Equal(["base", "arbitrum", "ethereum"], chains);
    }

    [Fact]
    public async Task Nav_Is_Deterministic_For_A_Given_Sandbox_Time()
    {
        var a = _app.NewTenantClient();
        var b = _app.NewTenantClient();
        await a.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", DateTimeOffset.UtcNow.AddDays(20).ToString("yyyy-MM-ddT15:00:00Z", CultureInfo.InvariantCulture)));
        await b.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", DateTimeOffset.UtcNow.AddDays(20).ToString("yyyy-MM-ddT15:00:00Z", CultureInfo.InvariantCulture)));
        var navA = (await (await a.GetAsync("/v1/tokens/NVDA")).JsonAsync()).GetProperty("nav");
        var navB = (await (await b.GetAsync("/v1/tokens/NVDA")).JsonAsync()).GetProperty("nav");
        Assert.Equal(navA.Str("price"), navB.Str("price"));
        Assert.Equal(navA.Str("as_of"), navB.Str("as_of"));
    }

    [Fact]
    public async Task Unknown_Ticker_Is_Asset_Not_Found()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/tokens/ZZZZZZZ");
        var body = await ProblemAssert.IsProblemAsync(response, "asset_not_found");
        Assert.Equal("ZZZZZZZ", body.Str("asset"));
    }
}
