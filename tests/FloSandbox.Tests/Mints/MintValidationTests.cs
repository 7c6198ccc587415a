using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

public class MintValidationTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("""{"asset":"AAPL","quantity":"1.0000001","settlement":{"currency":"USDC","chain":"base"}}""", "quantity", "at most 6 decimal places")]
    [InlineData("""{"asset":"AAPL","quantity":0,"settlement":{"currency":"USDC","chain":"base"}}""", "quantity", "greater than 0")]
    [InlineData("""{"asset":"AAPL","quantity":-3,"settlement":{"currency":"USDC","chain":"base"}}""", "quantity", "greater than 0")]
    [InlineData("""{"asset":"ARCC","quantity":1.5,"settlement":{"currency":"USDC","chain":"base"}}""", "quantity", "non-fractional")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"EUR","chain":"base"}}""", "settlement.currency", "USDC")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"polygon"}}""", "settlement.chain", "not live yet")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"hyperevm"}}""", "settlement.chain", "not live yet")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"cosmos"}}""", "settlement.chain", "must be one of")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base","wallet":"0x4a8B70fa12cC3d9d3c9b22Ac019bE40a7d11"}}""", "settlement.wallet", "40 hex digits")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base","wallet":"0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266"}}""", "settlement.wallet", "checksum")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base","wallet":"alice.eth"}}""", "settlement.wallet", "EVM address")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base","wallet":"0x0000000000000000000000000000000000000000"}}""", "settlement.wallet", "zero address")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"},"developer_fee":{"amount_bps":1001,"destination":"0x9f2c000000000000000000000000000000000001"}}""", "developer_fee.amount_bps", "0 to 1000")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"},"developer_fee":{"amount_bps":25,"destination":"0x9f2c..."}}""", "developer_fee.destination", "EVM address")]
    [InlineData("""{"asset":"AAPL","quantity":1}""", "settlement", "Missing required")]
    [InlineData("""{"asset":"AAPL","quantity":"ten","settlement":{"currency":"USDC","chain":"base"}}""", "quantity", "must be a number")]
    [InlineData("""{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"},"leverage":3}""", "leverage", "Unknown field")]
    public async Task Invalid_Mints_Are_Refused_Precisely_And_Change_Nothing(string body, string param, string detail)
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/mint", body);
        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal(param, problem.Str("param"));
        Assert.Contains(detail, problem.Str("detail"));
        Assert.Equal(1_000_000m, await client.BalanceAsync());
        Assert.Equal(0, (await (await client.GetAsync("/v1/mints")).JsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Lower_Case_And_Checksummed_Wallets_Are_Accepted()
    {
        var client = _app.NewTenantClient();
        var lower = await client.MintAsync("MSFT", 0.5m, wallet: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        var checksummed = await client.MintAsync("MSFT", 0.5m, wallet: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", (await lower.JsonAsync()).GetProperty("settlement").Str("wallet"));
        Assert.Equal("settled", (await checksummed.JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task Unknown_Asset_Is_Asset_Not_Found()
    {
        var response = await _app.NewTenantClient().MintAsync("NOSUCH", 1);
        var problem = await ProblemAssert.IsProblemAsync(response, "asset_not_found");
        Assert.Equal("NOSUCH", problem.Str("asset"));
    }

    [Fact]
    public async Task A_Fractional_Quantity_Down_To_A_Millionth_Is_Accepted()
    {
        var response = await _app.NewTenantClient().MintAsync("SPY", 1.000123m);
        var mint = await response.JsonAsync();
        Assert.Equal("1.000123", mint.Str("quantity"));
        Assert.Equal("settled", mint.Str("status"));
    }
}
