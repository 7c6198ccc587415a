using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Redeems;

public class RedeemTests
{
    private const string TxHash = "^0x[0-9a-f]{64}$";
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Partial_Redeem_Of_A_Mint_Burns_The_Tokens_And_Pays_The_Proceeds_On_Chain()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(10m);
        var ticker = mint.Str("asset");
        var contract = mint.GetProperty("contract").Str("address");

        var response = await client.RedeemAsync(mint.Str("id"), 4m);

        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var redeem = await response.JsonAsync();
        Assert.StartsWith("rdm_", redeem.Str("id"));
        Assert.Equal("redeem", redeem.Str("object"));
        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal(mint.Str("id"), redeem.Str("position_id"));
        Assert.Equal(ticker, redeem.Str("asset"));
        Assert.Equal("4.000000", redeem.Str("quantity"));
        Assert.Equal("100.00", redeem.Str("price"));
        Assert.Equal("400.00", redeem.Str("notional_usdc"));
        Assert.Equal(10, redeem.GetProperty("flo_fee").GetProperty("bps").GetInt32());
        Assert.Equal("0.40", redeem.GetProperty("flo_fee").Str("amount"));
        Assert.Equal("0.04", redeem.GetProperty("cost").Str("offramp"));
        Assert.Equal("0.02", redeem.GetProperty("cost").Str("broker"));
        Assert.Equal("0.10", redeem.GetProperty("cost").Str("spread"));
        Assert.Equal("399.44", redeem.Str("proceeds_usdc"));
        var source = redeem.GetProperty("source");
        Assert.Equal("base", source.Str("chain"));
        Assert.Equal(contract, source.Str("contract"));
        Assert.Equal(address, source.Str("wallet"));
        Assert.Matches(TxHash, source.Str("burn_tx_hash"));
        var payout = redeem.GetProperty("payout");
        Assert.Equal("USDC", payout.Str("currency"));
        Assert.Equal("base", payout.Str("chain"));
        Assert.Equal(address, payout.Str("wallet"));
        Assert.Equal("399.44", payout.Str("amount"));
        Assert.Matches(TxHash, payout.Str("tx_hash"));
        Assert.NotEqual(source.Str("burn_tx_hash"), payout.Str("tx_hash"));
        Assert.NotNull(redeem.Str("settled_at"));
        Assert.NotNull(redeem.Str("filled_at"));

        Assert.Equal(6m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(6m, await client.HeldAsync(ticker));
        var expected = 1_000_000m - mint.Dec("total_usdc") + 399.44m;
        Assert.Equal(expected, await client.BalanceAsync());
        Assert.Equal(expected, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(["redeem.queued", "redeem.filled", "redeem.settled"], await _app.EventTypesAsync(client, "redeem"));
        var retrieved = await (await client.GetAsync($"/v1/redeems/{redeem.Str("id")}")).JsonAsync();
        Assert.Equal(redeem.ToString(), retrieved.ToString());
    }

    [Fact]
    public async Task A_Payout_To_Another_Wallet_And_Chain_Lands_There_In_The_Chosen_Coin()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(5m, price: 50m);
        var wallet = MintHelpers.RandomWallet();
        var balanceBefore = await client.BalanceAsync();

        var redeem = await (await client.RedeemAsync(mint.Str("id"), 5m, chain: "arbitrum", currency: "USDT", wallet: wallet)).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal("250.00", redeem.Str("notional_usdc"));
        Assert.Equal("249.65", redeem.Str("proceeds_usdc"));
        Assert.Equal("arbitrum", redeem.GetProperty("payout").Str("chain"));
        Assert.Equal(249.65m, await ChainReads.BalanceOfAsync(client, "arbitrum", ChainReads.Usdt, wallet));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdt, wallet));
        Assert.Equal(balanceBefore, await client.BalanceAsync());
        Assert.Equal(0m, await client.HeldAsync(mint.Str("asset")));
    }

    [Fact]
    public async Task A_Developer_Fee_Comes_Out_Of_The_Proceeds_And_Accrues_To_Its_Destination()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(10m);
        var balance = await client.BalanceAsync();

        var redeem = await (await client.PostJsonAsync("/v1/redeem", $$$"""
            {"position_id":"{{{mint.Str("id")}}}","quantity":4,"payout":{"currency":"USDC","chain":"base"},
             "developer_fee":{"amount_bps":25,"destination":"0x9f2c000000000000000000000000000000000002"}}
            """)).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal(25, redeem.GetProperty("developer_fee").GetProperty("amount_bps").GetInt32());
        Assert.Equal("1.00", redeem.GetProperty("developer_fee").Str("amount"));
        Assert.Equal("398.44", redeem.Str("proceeds_usdc"));
        Assert.Equal(balance + 398.44m, await client.BalanceAsync());
        var tenantId = (await client.TenantAsync()).Str("id");
        var accruals = await _app.Services.GetRequiredService<FloSandbox.Core.Ledger.Fees.DeveloperFeeStore>().ForTenantAsync(tenantId, CancellationToken.None);
        var accrual = Assert.Single(accruals, a => a.SourceId == redeem.Str("id"));
        Assert.Equal(1_000_000, accrual.AmountMicros);
        Assert.Equal(["fee.accrued"], await _app.EventTypesAsync(client, "fee"));
    }

    [Fact]
    public async Task A_Payout_To_Another_Tenants_Settlement_Address_On_Base_Credits_That_Tenants_Balance()
    {
        var client = _app.NewTenantClient();
        var other = _app.NewTenantClient();
        var otherAddress = (await other.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(1m);
        var balance = await client.BalanceAsync();

        var redeem = await (await client.RedeemAsync(mint.Str("id"), 1m, currency: "USDT", wallet: otherAddress.ToLowerInvariant())).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal("99.85", redeem.Str("proceeds_usdc"));
        Assert.Equal(balance, await client.BalanceAsync());
        Assert.Equal(99.85m, await other.BalanceAsync("usdt"));
        Assert.Equal(99.85m, await ChainReads.BalanceOfAsync(other, "base", ChainReads.Usdt, otherAddress));
    }

    [Fact]
    public async Task A_Position_Id_From_The_Positions_List_Redeems_That_Holding()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(3m);
        var position = (await (await client.GetAsync($"/v1/positions?token={mint.Str("asset")}")).JsonAsync()).GetProperty("data")[0];

        var redeem = await (await client.RedeemAsync(position.Str("id"), 1.5m)).JsonAsync();

        Assert.Equal("settled", redeem.Str("status"));
        Assert.Equal(position.Str("id"), redeem.Str("position_id"));
        Assert.Equal(1.5m, await client.HeldAsync(mint.Str("asset")));
    }

    [Fact]
    public async Task Redeeming_More_Than_Held_Is_Refused_With_The_Holding_And_Changes_Nothing()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(10m);
        var balance = await client.BalanceAsync();

        var response = await client.RedeemAsync(mint.Str("id"), 10.5m);

        var problem = await ProblemAssert.IsProblemAsync(response, "insufficient_position");
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal(mint.Str("id"), problem.Str("position_id"));
        Assert.Equal("10.000000", problem.Str("held_quantity"));
        Assert.Equal("10.500000", problem.Str("requested_quantity"));
        Assert.Contains("holds 10.000000", problem.Str("detail"));
        Assert.Equal(10m, await client.HeldAsync(mint.Str("asset")));
        Assert.Equal(10m, await ChainReads.BalanceOfAsync(client, "base", mint.GetProperty("contract").Str("address"), address));
        Assert.Equal(balance, await client.BalanceAsync());
        Assert.Empty((await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Empty(await _app.EventTypesAsync(client, "redeem"));
    }

    [Fact]
    public async Task A_Position_Of_Another_Tenant_Or_None_At_All_Is_Not_Found()
    {
        var owner = _app.NewTenantClient();
        var mint = await owner.SettledMintAsync(2m);
        var ownerPosition = (await (await owner.GetAsync("/v1/positions")).JsonAsync()).GetProperty("data")[0].Str("id");
        var stranger = _app.NewTenantClient();

        foreach (var id in new[] { mint.Str("id"), ownerPosition, "mnt_doesnotexist", "pos_AAPL_0x0000000000000000000000000000000000000001", "anything" })
        {
            var problem = await ProblemAssert.IsProblemAsync(await stranger.RedeemAsync(id, 1m), "position_not_found");
            Assert.Equal(id, problem.Str("position_id"));
        }
        Assert.Equal(2m, await owner.HeldAsync(mint.Str("asset")));
        Assert.Empty(await _app.EventTypesAsync(stranger, "redeem"));
    }

    [Fact]
    public async Task A_Retry_With_The_Same_Key_Returns_The_Same_Redeem_And_Burns_Once()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(10m);
        var key = ("Idempotency-Key", "redeem-" + Guid.NewGuid().ToString("N"));

        var first = await client.RedeemAsync(mint.Str("id"), 3m, headers: key);
        var retry = await client.RedeemAsync(mint.Str("id"), 3m, headers: key);

        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(first.Header("X-Request-Id"), retry.Header("X-Request-Id"));
        Assert.Single((await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(7m, await client.HeldAsync(mint.Str("asset")));
        var other = await client.RedeemAsync(mint.Str("id"), 2m, headers: key);
        await ProblemAssert.IsProblemAsync(other, "idempotency_mismatch");
    }

    [Fact]
    public async Task A_Failure_At_Fill_Ends_Failed_With_The_Tokens_Restored_On_Chain()
    {
        var client = _app.NewTenantClient();
        var address = (await client.TenantAsync()).Str("settlement_address");
        var mint = await client.SettledMintAsync(8m);
        var balance = await client.BalanceAsync();

        var response = await client.RedeemAsync(mint.Str("id"), 5m, headers: ("X-Flo-Fail-At", "fill"));

        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var redeem = await response.JsonAsync();
        Assert.Equal("failed", redeem.Str("status"));
        Assert.StartsWith("broker_rejected", redeem.Str("failure_reason"));
        Assert.Matches(TxHash, redeem.GetProperty("source").Str("burn_tx_hash"));
        Assert.Equal(JsonValueKind.Null, redeem.GetProperty("payout").GetProperty("tx_hash").ValueKind);
        Assert.Equal(JsonValueKind.Null, redeem.GetProperty("proceeds_usdc").ValueKind);
        Assert.NotNull(redeem.Str("failed_at"));
        Assert.Equal(8m, await ChainReads.BalanceOfAsync(client, "base", mint.GetProperty("contract").Str("address"), address));
        Assert.Equal(8m, await client.HeldAsync(mint.Str("asset")));
        Assert.Equal(balance, await client.BalanceAsync());
        Assert.Equal(balance, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(["redeem.queued", "redeem.failed"], await _app.EventTypesAsync(client, "redeem"));

        var again = await (await client.RedeemAsync(mint.Str("id"), 8m)).JsonAsync();
        Assert.Equal("settled", again.Str("status"));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", mint.GetProperty("contract").Str("address"), address));
    }

    [Fact]
    public async Task The_List_Pages_Newest_First_And_Filters_By_Status()
    {
        var client = _app.NewTenantClient();
        var mint = await client.SettledMintAsync(10m);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await (await client.RedeemAsync(mint.Str("id"), 1m)).JsonAsync()).Str("id"));
        }
        await client.RedeemAsync(mint.Str("id"), 1m, headers: ("X-Flo-Fail-At", "fill"));

        var first = await (await client.GetAsync("/v1/redeems?limit=2&status=settled")).JsonAsync();
        Assert.Equal("list", first.Str("object"));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal([ids[2], ids[1]], first.GetProperty("data").EnumerateArray().Select(r => r.Str("id")));
        Assert.Equal(ids[1], first.Str("next_cursor"));
        var second = await (await client.GetAsync($"/v1/redeems?limit=2&status=settled&starting_after={ids[1]}")).JsonAsync();
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal([ids[0]], second.GetProperty("data").EnumerateArray().Select(r => r.Str("id")));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal(4, (await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data").GetArrayLength());

        var badStatus = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/redeems?status=pending"), "invalid_request");
        Assert.Equal("status", badStatus.Str("param"));
        var foreignCursor = await ProblemAssert.IsProblemAsync(await _app.NewTenantClient().GetAsync($"/v1/redeems?starting_after={ids[0]}"), "invalid_request");
        Assert.Equal("starting_after", foreignCursor.Str("param"));
        var missing = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/redeems/rdm_nope"), "resource_not_found");
        Assert.Equal("redeem", missing.Str("resource"));
    }

    [Theory]
    [InlineData("""{"position_id":"mnt_x","quantity":0,"payout":{"currency":"USDC","chain":"base"}}""", "quantity")]
    [InlineData("""{"position_id":"mnt_x","quantity":"1.0000001","payout":{"currency":"USDC","chain":"base"}}""", "quantity")]
    [InlineData("""{"position_id":"mnt_x","quantity":1,"payout":{"currency":"EUR","chain":"base"}}""", "payout.currency")]
    [InlineData("""{"position_id":"mnt_x","quantity":1,"payout":{"currency":"USDC","chain":"solana"}}""", "payout.chain")]
    [InlineData("""{"position_id":"mnt_x","quantity":1,"payout":{"currency":"USDC","chain":"base","wallet":"0x12"}}""", "payout.wallet")]
    [InlineData("""{"position_id":"","quantity":1,"payout":{"currency":"USDC","chain":"base"}}""", "position_id")]
    [InlineData("""{"position_id":"mnt_x","quantity":1,"payout":{"currency":"USDC","chain":"base"},"developer_fee":{"amount_bps":1001,"destination":"0x9f2c000000000000000000000000000000000001"}}""", "developer_fee.amount_bps")]
    public async Task Bad_Input_Is_A_400_Naming_The_Field(string body, string param)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _app.NewTenantClient().PostJsonAsync("/v1/redeem", body), "invalid_request");
        Assert.Equal(param, problem.Str("param"));
    }
}
