using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

public class QuickstartTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task The_Quickstart_Mint_Settles_Inline_And_Lands_On_Chain()
    {
        var client = _app.NewTenantClient();
        var tenant = await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync();
        var address = tenant.Str("settlement_address");

        var response = await client.PostJsonAsync("/v1/mint", """
            {"asset": "AAPL", "quantity": 10, "settlement": {"currency": "USDC", "chain": "base"}}
            """);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var mint = await response.JsonAsync();
        Assert.Matches("^mnt_[0-9A-Za-z]{14}$", mint.Str("id"));
        Assert.Equal("mint", mint.Str("object"));
        Assert.Equal("settled", mint.Str("status"));
        Assert.Equal("AAPL", mint.Str("asset"));
        Assert.Equal("10.000000", mint.Str("quantity"));
        Assert.Matches(@"^\d+\.\d{2}$", mint.Str("notional_usdc"));
        Assert.Equal(10, mint.GetProperty("flo_fee").GetProperty("bps").GetInt32());
        var settlement = mint.GetProperty("settlement");
        Assert.Equal("USDC", settlement.Str("currency"));
        Assert.Equal("base", settlement.Str("chain"));
        Assert.Equal(address, settlement.Str("wallet"));
        Assert.Matches("^0x[0-9a-f]{64}$", settlement.Str("tx_hash"));
        Assert.Equal(settlement.Str("tx_hash"), mint.Str("tx_hash"));
        Assert.NotNull(mint.Str("settled_at"));

        var tokenAddress = mint.GetProperty("contract").Str("address");
        Assert.Equal(10m, await ChainReads.BalanceOfAsync(client, "base", tokenAddress, address));
        var total = decimal.Parse(mint.Str("total_usdc"), System.Globalization.CultureInfo.InvariantCulture);
        var balance = (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances").Str("usdc");
        Assert.Equal(Ledger(1_000_000m - total), balance);
        Assert.Equal(1_000_000m - total, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    private static string Ledger(decimal amount) => amount.ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
}
