using System.Net;
using System.Numerics;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

/// `/rpc/{chain}` forwards an allow-list: chain reads and signed transactions. Nothing that sends as an
/// account the caller does not hold reaches the node.
public class RpcAllowListTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task An_Unsigned_Transaction_From_The_Operator_Is_Refused_And_Mints_Nothing()
    {
        var client = _app.CreateClient();
        var attacker = RpcTestWallet.NewAddress();

        var answer = await RpcAsync(client, "base", "eth_sendUnsignedTransaction",
            new { from = RpcTestWallet.Operator, to = ChainReads.Usdc, data = RpcTestWallet.MintCall(attacker, 1_000_000m) });

        AssertRefused(answer, 1, -32601, "eth_sendUnsignedTransaction");
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, attacker));
    }

    [Fact]
    public async Task An_Unsigned_Transaction_From_A_Tenants_Settlement_Address_Is_Refused_And_Moves_Nothing()
    {
        var tenant = _app.NewTenantClient();
        var settlement = (await (await tenant.GetAsync("/v1/sandbox/tenant")).JsonAsync()).Str("settlement_address");
        await RpcTestWallet.FundAsync(_app, "base", settlement, BigInteger.Pow(10, 18));
        var attacker = RpcTestWallet.NewAddress();
        var client = _app.CreateClient();
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, settlement));

        var answer = await RpcAsync(client, "base", "eth_sendUnsignedTransaction",
            new { from = settlement, to = ChainReads.Usdc, data = RpcTestWallet.TransferCall(attacker, 250_000m) });

        AssertRefused(answer, 1, -32601, "eth_sendUnsignedTransaction");
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, settlement));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, attacker));
        Assert.Equal("1000000.00", (await (await tenant.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances").Str("usdc"));
    }

    [Fact]
    public async Task A_Raw_Transaction_Signed_With_The_Operators_Well_Known_Key_Is_Refused_And_Mints_Nothing()
    {
        var client = _app.CreateClient();
        var attacker = RpcTestWallet.NewAddress();
        var raw = await RpcTestWallet.OperatorsWellKnownKey().SignAsync(client, "base", ChainReads.Usdc, 0, RpcTestWallet.MintCall(attacker, 1_000_000m));

        var answer = await RpcAsync(client, "base", "eth_sendRawTransaction", raw);

        AssertRefused(answer, 1, -32003, RpcTestWallet.Operator);
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, attacker));
    }

    [Theory]
    [InlineData("eth_someNewMethod")]
    [InlineData("eth_sendUnsignedTransaction")]
    [InlineData("txpool_content")]
    [InlineData("debug_traceCall")]
    [InlineData("eth_subscribe")]
    [InlineData("ETH_CHAINID")]
    public async Task A_Method_Outside_The_Allow_List_Gets_A_Json_Rpc_Error_Naming_It(string method)
    {
        var answer = await RpcAsync(_app.CreateClient(), "ethereum", method);
        AssertRefused(answer, 1, -32601, method);
        Assert.Contains("allow-list", answer.GetProperty("error").Str("message"));
    }

    [Fact]
    public async Task Eth_Accounts_Lists_No_Accounts_Because_The_Sandbox_Unlocks_None_For_Callers()
    {
        var answer = await RpcAsync(_app.CreateClient(), "base", "eth_accounts");
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("result").ValueKind);
        Assert.Equal(0, answer.GetProperty("result").GetArrayLength());
    }

    public static TheoryData<string, object[]> Reads => new()
    {
        { "eth_chainId", [] },
        { "net_version", [] },
        { "web3_clientVersion", [] },
        { "net_listening", [] },
        { "eth_syncing", [] },
        { "eth_blockNumber", [] },
        { "eth_gasPrice", [] },
        { "eth_maxPriorityFeePerGas", [] },
        { "eth_feeHistory", ["0x2", "latest", new[] { 50 }] },
        { "eth_getBalance", [RpcTestWallet.Operator, "latest"] },
        { "eth_getTransactionCount", [RpcTestWallet.Operator, "latest"] },
        { "eth_getCode", [ChainReads.Usdc, "latest"] },
        { "eth_getStorageAt", [ChainReads.Usdc, "0x0", "latest"] },
        { "eth_getBlockByNumber", ["latest", false] },
        { "eth_getBlockReceipts", ["latest"] },
        { "eth_getLogs", [new { fromBlock = "latest", address = ChainReads.Usdc }] },
        { "eth_estimateGas", [new { from = RpcTestWallet.Operator, to = RpcTestWallet.Operator, value = "0x1" }] },
        { "eth_createAccessList", [new { from = RpcTestWallet.Operator, to = ChainReads.Usdc, data = "0x18160ddd" }] },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Chain_Reads_Pass(string method, object[] parameters)
    {
        var answer = await RpcAsync(_app.CreateClient(), "base", method, parameters);
        Assert.False(answer.TryGetProperty("error", out var error), $"{method}: {error}");
        Assert.True(answer.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Eth_Call_With_A_State_Override_Reads_Without_Writing()
    {
        var client = _app.CreateClient();
        var holder = RpcTestWallet.NewAddress();
        var overrides = new Dictionary<string, object> { [holder] = new { balance = "0xde0b6b3a7640000" } };

        var answer = await RpcAsync(client, "base", "eth_getBalance", holder, "latest");
        var simulated = await RpcAsync(client, "base", "eth_call", new { from = holder, to = holder, value = "0x1" }, "latest", overrides);

        Assert.Equal("0x0", answer.Str("result"));
        Assert.False(simulated.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal("0x0", (await ChainReads.RpcAsync(client, "base", "eth_getBalance", holder, "latest")).GetString());
    }

    [Fact]
    public async Task A_Raw_Transaction_Signed_By_The_Callers_Own_Key_Is_Mined()
    {
        var client = _app.CreateClient();
        var wallet = RpcTestWallet.New();
        await RpcTestWallet.FundAsync(_app, "base", wallet.Address, BigInteger.Pow(10, 18));
        var recipient = RpcTestWallet.NewAddress();
        var raw = await wallet.SignAsync(client, "base", recipient, 12_345);

        var sent = await RpcAsync(client, "base", "eth_sendRawTransaction", raw);

        var hash = sent.Str("result");
        Assert.Matches("^0x[0-9a-f]{64}$", hash);
        var receipt = await RpcTestWallet.ReceiptAsync(client, "base", hash);
        Assert.Equal("0x1", receipt.Str("status"));
        Assert.Equal(wallet.Address.ToLowerInvariant(), receipt.Str("from"));
        Assert.Equal("0x3039", (await ChainReads.RpcAsync(client, "base", "eth_getBalance", recipient, "latest")).GetString());
        var mined = await ChainReads.RpcAsync(client, "base", "eth_getTransactionByHash", hash);
        Assert.Equal(hash, mined.Str("hash"));
    }

    [Theory]
    [InlineData("""["0x"]""")]
    [InlineData("""["0x02zz"]""")]
    [InlineData("""["0xc0"]""")]
    [InlineData("""[42]""")]
    [InlineData("""[]""")]
    [InlineData("""{"tx":"0x00"}""")]
    public async Task A_Raw_Transaction_That_Cannot_Be_Decoded_Is_Invalid_Params(string parameters)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base",
            $$"""{"jsonrpc":"2.0","id":9,"method":"eth_sendRawTransaction","params":{{parameters}}}""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        AssertRefused(await response.JsonAsync(), 9, -32602, "eth_sendRawTransaction");
    }

    internal static async Task<JsonElement> RpcAsync(HttpClient client, string chain, string method, params object[] parameters)
    {
        var response = await client.PostJsonAsync($"/rpc/{chain}", new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    internal static void AssertRefused(JsonElement answer, int id, int code, string mentioned)
    {
        Assert.Equal("2.0", answer.Str("jsonrpc"));
        Assert.Equal(id, answer.GetProperty("id").GetInt32());
        Assert.False(answer.TryGetProperty("result", out _), answer.ToString());
        var error = answer.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Contains(mentioned, error.Str("message"), StringComparison.OrdinalIgnoreCase);
    }
}
