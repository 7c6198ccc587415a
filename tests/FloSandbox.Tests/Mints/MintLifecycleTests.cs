using System.Net;
using FloSandbox.Core.Outbox;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Mints;

public class MintLifecycleTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private async Task<string[]> EventTypesAsync(HttpClient client)
    {
        var tenantId = (await client.TenantAsync()).Str("id");
        var events = await _app.Services.GetRequiredService<OutboxStore>().ForTenantAsync(tenantId, CancellationToken.None);
        return [.. events.Select(e => e.Type)];
    }

    [Fact]
    public async Task Inside_The_Session_A_Mint_Records_Filled_Then_Settled()
    {
        var client = _app.NewTenantClient();
        var mint = await (await client.MintAsync("NVDA", 2)).JsonAsync();
        Assert.Equal("settled", mint.Str("status"));
        Assert.Equal(["mint.filled", "mint.settled"], (await EventTypesAsync(client)).Where(t => t != "mint.contract_deployed"));
        var retrieved = await (await client.GetAsync($"/v1/mints/{mint.Str("id")}")).JsonAsync();
        Assert.Equal(mint.ToString(), retrieved.ToString());
    }

    [Fact]
    public async Task A_Failure_At_Fill_Ends_Failed_With_Funds_And_Fees_Refunded()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var response = await client.MintAsync("TSLA", 3, headers: ("X-Flo-Fail-At", "fill"));
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var mint = await response.JsonAsync();
        Assert.Equal("failed", mint.Str("status"));
        Assert.StartsWith("broker_rejected", mint.Str("failure_reason"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, mint.GetProperty("tx_hash").ValueKind);
        Assert.Equal(1_000_000m, await client.BalanceAsync());
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(["mint.failed"], await EventTypesAsync(client));
        Assert.Equal("failed", (await (await client.GetAsync($"/v1/mints/{mint.Str("id")}")).JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task Unknown_Fail_At_Stage_Is_Refused()
    {
        var response = await _app.NewTenantClient().MintAsync("TSLA", 1, headers: ("X-Flo-Fail-At", "moon"));
        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("X-Flo-Fail-At", problem.Str("param"));
    }

    [Fact]
    public async Task Auto_Deploy_Happens_On_The_First_Mint_Of_An_Asset_And_Chain_Only()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        var first = await (await client.MintAsync(ticker, 1)).JsonAsync();
        var second = await (await client.MintAsync(ticker, 1)).JsonAsync();
        var otherChain = await (await client.MintAsync(ticker, 1, chain: "arbitrum")).JsonAsync();

        Assert.True(first.GetProperty("contract").GetProperty("auto_deployed").GetBoolean());
        Assert.InRange(first.GetProperty("contract").GetProperty("deploy_gas_used").GetInt64(), 500_000, 1_000_000);
        Assert.True(first.GetProperty("cost").Dec("deploy_gas") > 0);
        Assert.False(second.GetProperty("contract").GetProperty("auto_deployed").GetBoolean());
        Assert.Equal("0.00", second.GetProperty("cost").Str("deploy_gas"));
        Assert.True(otherChain.GetProperty("contract").GetProperty("auto_deployed").GetBoolean());
        Assert.Equal(first.GetProperty("contract").Str("address"), otherChain.GetProperty("contract").Str("address"));
        Assert.Equal(2, (await EventTypesAsync(client)).Count(t => t == "mint.contract_deployed"));

        var debited = first.Dec("total_usdc") + second.Dec("total_usdc") + otherChain.Dec("total_usdc");
        Assert.Equal(1_000_000m - debited, await client.BalanceAsync());
        var address = (await client.TenantAsync()).Str("settlement_address");
        Assert.Equal(1_000_000m - debited, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    [Fact]
    public async Task Insufficient_Funds_Reports_The_Exact_Shortfall_And_Debits_Nothing()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        await client.DeployAsync(ticker);
        await client.PinAsync(ticker, 100m);
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":100}""");

        var response = await client.MintAsync(ticker, 2, currency: "USDT");
        var problem = await ProblemAssert.IsProblemAsync(response, "insufficient_funds");
        Assert.Equal("200.28", problem.Str("required_usdc"));
        Assert.Equal("100.00", problem.Str("available_usdc"));
        Assert.Equal("100.28", problem.Str("shortfall_usdc"));
        Assert.Equal(100m, await client.BalanceAsync("usdt"));
    }

    [Fact]
    public async Task Fees_And_Costs_Follow_The_Documented_Formula()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        await client.DeployAsync(ticker);
        await client.PinAsync(ticker, 184.21m);
        var mint = await (await client.PostJsonAsync("/v1/mint", $$$"""
            {"asset":"{{{ticker}}}","quantity":10,"settlement":{"currency":"USDC","chain":"base"},
             "developer_fee":{"amount_bps":25,"destination":"0x9f2c000000000000000000000000000000000001"}}
            """)).JsonAsync();
        Assert.Equal("184.21", mint.Str("price"));
        Assert.Equal("1842.10", mint.Str("notional_usdc"));
        Assert.Equal("1.84", mint.GetProperty("flo_fee").Str("amount"));
        Assert.Equal("0.18", mint.GetProperty("cost").Str("onramp"));
        Assert.Equal("0.09", mint.GetProperty("cost").Str("broker"));
        Assert.Equal("0.46", mint.GetProperty("cost").Str("spread"));
        Assert.Equal("4.61", mint.GetProperty("developer_fee").Str("amount"));
        Assert.Equal("1849.28", mint.Str("total_usdc"));

        var tenantId = (await client.TenantAsync()).Str("id");
        var accruals = await _app.Services.GetRequiredService<FloSandbox.Core.Ledger.Fees.DeveloperFeeStore>().ForTenantAsync(tenantId, CancellationToken.None);
        var accrual = Assert.Single(accruals);
        Assert.Equal(4_610_000, accrual.AmountMicros);
        Assert.Equal("0x9f2c000000000000000000000000000000000001", accrual.Destination.ToLowerInvariant());
        Assert.Contains("fee.accrued", await EventTypesAsync(client));
    }

    [Fact]
    public async Task An_Idempotent_Retry_Returns_The_Same_Tx_Hash_And_Mints_Once_On_Chain()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var body = """{"asset":"QQQ","quantity":4,"settlement":{"currency":"USDC","chain":"base"},"idempotency_key":"mint_2026_04_21_0001"}""";
        var first = await (await client.PostJsonAsync("/v1/mint", body)).JsonAsync();
        var retry = await client.PostJsonAsync("/v1/mint", body);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(first.Str("tx_hash"), (await retry.JsonAsync()).Str("tx_hash"));
        Assert.Equal(4m, await ChainReads.BalanceOfAsync(client, "base", first.GetProperty("contract").Str("address"), address));
        Assert.Single((await (await client.GetAsync("/v1/mints")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Fifty_Concurrent_Mints_Debit_Exactly_Fifty_Times_And_The_Chain_Agrees()
    {
        var client = _app.NewTenantClient();
        var ticker = TestTickers.Unique();
        await client.DeployAsync(ticker);
        await client.PinAsync(ticker, 100m);
        var address = (await client.TenantAsync()).Str("settlement_address");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.MintAsync(ticker, 1)));
        Assert.All(responses, r => ProblemAssert.IsStatus(r, HttpStatusCode.OK));

        // Mints in flight together share factory transactions (FloTokenFactory.batch); the transactions, read back from the
        // chain, hold exactly fifty token mints to the settlement address, one per mint.
        var hashes = responses.Select(r => r.JsonAsync().Result.Str("tx_hash")).Distinct().ToArray();
        Assert.InRange(hashes.Length, 1, 50);
        var mintTransfers = 0;
        foreach (var hash in hashes)
        {
            var receipt = await ChainReads.RpcAsync(client, "base", "eth_getTransactionReceipt", hash);
            Assert.Equal("0x1", receipt.Str("status"));
            mintTransfers += receipt.GetProperty("logs").EnumerateArray().Count(log =>
                log.GetProperty("topics").GetArrayLength() == 3
                && log.GetProperty("topics")[0].GetString() == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef" // Transfer
                && log.GetProperty("topics")[1].GetString() == "0x" + new string('0', 64)
                && log.GetProperty("topics")[2].GetString()!.EndsWith(address[2..].ToLowerInvariant(), StringComparison.Ordinal)
                && log.GetProperty("data").GetString() == "0x" + 1_000_000.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(50, mintTransfers);

        Assert.Equal(1_000_000m - 50 * 100.15m, await client.BalanceAsync());
        Assert.Equal(1_000_000m - 50 * 100.15m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        var token = (await responses[0].JsonAsync()).GetProperty("contract").Str("address");
        Assert.Equal(50m, await ChainReads.BalanceOfAsync(client, "base", token, address));
        var position = await (await client.GetAsync($"/v1/positions/{ticker}")).JsonAsync();
        Assert.Equal("50.000000", position.Str("quantity"));
    }

    [Fact]
    public async Task Mints_List_Newest_First_And_Unknown_Ids_Are_Not_Found()
    {
        var client = _app.NewTenantClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await (await client.MintAsync("VOO", 1m)).JsonAsync()).Str("id"));
        }
        var page = await (await client.GetAsync("/v1/mints?limit=2")).JsonAsync();
        Assert.Equal([ids[2], ids[1]], page.GetProperty("data").EnumerateArray().Select(m => m.Str("id")));
        Assert.True(page.GetProperty("has_more").GetBoolean());
        var rest = await (await client.GetAsync($"/v1/mints?limit=2&starting_after={page.Str("next_cursor")}")).JsonAsync();
        Assert.Equal([ids[0]], rest.GetProperty("data").EnumerateArray().Select(m => m.Str("id")));
        Assert.False(rest.GetProperty("has_more").GetBoolean());

        var missing = await client.GetAsync("/v1/mints/mnt_doesnotexist00");
        var problem = await ProblemAssert.IsProblemAsync(missing, "resource_not_found");
        Assert.Equal("mint", problem.Str("resource"));
        var other = await _app.NewTenantClient().GetAsync($"/v1/mints/{ids[0]}");
        await ProblemAssert.IsProblemAsync(other, "resource_not_found");
    }
}
