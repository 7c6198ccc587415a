using System.Globalization;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Tokens;

public class PriceOverrideTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private static async Task<decimal> NavAsync(HttpClient client, string ticker) =>
        decimal.Parse((await (await client.GetAsync($"/v1/tokens/{ticker}")).JsonAsync()).Str("nav_usdc"), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Pinning_A_Price_Changes_Only_This_Tenants_Nav()
    {
        var pinned = _app.NewTenantClient();
        var other = _app.NewTenantClient();
        var response = await pinned.PostJsonAsync("/v1/sandbox/prices/aapl", """{"price":"42.50"}""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.Equal("price_override", body.Str("object"));
        Assert.Equal("AAPL", body.Str("ticker"));
        Assert.Equal("42.50", body.Str("price"));
        Assert.Equal("42.50", body.Str("pinned_price"));

        Assert.Equal(42.50m, await NavAsync(pinned, "AAPL"));
        Assert.NotEqual(42.50m, await NavAsync(other, "AAPL"));
        var twap = (await (await pinned.GetAsync("/v1/tokens/AAPL")).JsonAsync()).GetProperty("twap").Str("price");
        Assert.Equal("42.50", twap);
    }

    [Fact]
    public async Task A_Shock_Moves_The_Curve_By_That_Percentage()
    {
        var client = _app.NewTenantClient();
        var response = await (await client.PostJsonAsync("/v1/sandbox/prices/TSLA", """{"shock_pct":-30}""")).JsonAsync();
        var curve = decimal.Parse(response.Str("curve_price"), CultureInfo.InvariantCulture);
        var shocked = decimal.Parse(response.Str("price"), CultureInfo.InvariantCulture);
        Assert.InRange(shocked, Math.Round(curve * 0.7m, 2) - 0.01m, Math.Round(curve * 0.7m, 2) + 0.01m);
        Assert.Equal("-30", response.Str("shock_pct"));
    }

    [Fact]
    public async Task Clearing_Returns_The_Ticker_To_Its_Curve()
    {
        var client = _app.NewTenantClient();
        var curve = await NavAsync(client, "MSFT");
        await client.PostJsonAsync("/v1/sandbox/prices/MSFT", """{"price":1}""");
        var cleared = await client.SendJsonAsync(HttpMethod.Delete, "/v1/sandbox/prices/MSFT", null);
        ProblemAssert.IsStatus(cleared, HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await cleared.JsonAsync()).GetProperty("pinned_price").ValueKind);
        Assert.InRange(await NavAsync(client, "MSFT"), curve * 0.95m, curve * 1.05m);
    }

    [Fact]
    public async Task Reset_Clears_Overrides()
    {
        var client = _app.NewTenantClient();
        await client.PostJsonAsync("/v1/sandbox/prices/QQQ", """{"price":"3.00"}""");
        await client.PostJsonAsync("/v1/sandbox/reset", "");
        Assert.NotEqual(3.00m, await NavAsync(client, "QQQ"));
    }

    [Theory]
    [InlineData("""{}""", "price")]
    [InlineData("""{"price":10,"shock_pct":5}""", "price")]
    [InlineData("""{"price":0}""", "price")]
    [InlineData("""{"price":-1}""", "price")]
    [InlineData("""{"price":"10.001"}""", "price")]
    [InlineData("""{"shock_pct":-100}""", "shock_pct")]
    [InlineData("""{"shock_pct":1001}""", "shock_pct")]
    [InlineData("""{"price":"abc"}""", "price")]
    public async Task Bad_Overrides_Are_Refused(string json, string param)
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/prices/AAPL", json);
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal(param, body.Str("param"));
    }

    [Fact]
    public async Task Unknown_Ticker_Is_Asset_Not_Found()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/prices/NOPE1", """{"price":10}""");
        await ProblemAssert.IsProblemAsync(response, "asset_not_found");
    }
}
