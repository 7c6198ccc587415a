using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

/// Bodies that could be read two ways, or not at all, are refused before anything reaches the node:
/// a 4xx, never a 5xx, and no effect on chain.
public class RpcHostileBodyTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Duplicate_Method_Key_Is_An_Invalid_Request_And_Nothing_Is_Forwarded()
    {
        var client = _app.CreateClient();
        var attacker = RpcTestWallet.NewAddress();
        var json = $$"""
            {"jsonrpc":"2.0","id":1,"method":"eth_chainId","method":"eth_sendUnsignedTransaction",
             "params":[{"from":"{{RpcTestWallet.Operator}}","to":"{{ChainReads.Usdc}}","data":"{{RpcTestWallet.MintCall(attacker, 1_000_000m)}}"}]}
            """;

        var response = await client.PostJsonAsync("/rpc/base", json);

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Contains("method", problem.Str("detail"));
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, attacker));
    }

    [Fact]
    public async Task Invalid_Utf8_Is_An_Invalid_Request_And_Nothing_Is_Forwarded()
    {
        var client = _app.CreateClient();
        var attacker = RpcTestWallet.NewAddress();
        var json = Encoding.UTF8.GetBytes($$"""
            {"jsonrpc":"2.0","id":1,"method":"eth_sendUnsignedTransaction?",
             "params":[{"from":"{{RpcTestWallet.Operator}}","to":"{{ChainReads.Usdc}}","data":"{{RpcTestWallet.MintCall(attacker, 1_000_000m)}}"}]}
            """);
        json[Array.IndexOf(json, (byte)'?')] = 0xFF;

        var response = await client.PostAsync("/rpc/base", new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, attacker));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"} trailing")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\" /* c */}")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[{\"to\":\"0x01\",\"to\":\"0x02\"}]}]")]
    public async Task A_Body_That_Is_Not_Strict_Json_Is_An_Invalid_Request(string body)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", body);
        await ProblemAssert.IsProblemAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_send\\u0055nsignedTransaction\",\"params\":[]}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}")]
    public async Task Odd_But_Well_Formed_Requests_Get_Json_Rpc_Errors_Not_500s(string body)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", body);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var answer = await response.JsonAsync();
        Assert.True(answer.TryGetProperty("error", out _), answer.ToString());
    }

    /// A lone surrogate is no text at all: the same 400 as for every other route's body, and nothing forwarded.
    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\\ud800\"}", "method")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"anvil_mine\"}", "id")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x\\ud800\"]}]", "[0].params[0]")]
    public async Task A_Lone_Surrogate_Is_An_Invalid_Request_Naming_Where(string body, string param)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", body);
        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal(param, problem.Str("param"));
    }

    [Fact]
    public async Task Deep_Nesting_Is_An_Invalid_Request()
    {
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":" + new string('[', 5000) + new string(']', 5000) + "}";
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", body);
        await ProblemAssert.IsProblemAsync(response, "invalid_request");
    }
}
