using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

public class RpcForwardingTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("base", "0x2105")]
    [InlineData("arbitrum", "0xa4b1")]
    [InlineData("ethereum", "0x1")]
    public async Task Each_Chain_Answers_With_Its_Real_Chain_Id_Without_A_Key(string chain, string chainId)
    {
        var result = await ChainReads.RpcAsync(_app.CreateClient(), chain, "eth_chainId");
        Assert.Equal(chainId, result.GetString());
    }

    [Fact]
    public async Task Answers_Carry_The_Sandboxs_Headers_And_Not_The_Nodes()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", """{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType()?.MediaType);
        Assert.StartsWith("req_", response.Header("X-Request-Id"));
        Assert.Empty(response.Headers.Vary);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"0x2105"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batches_Are_Forwarded()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base",
            """[{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]},{"jsonrpc":"2.0","id":2,"method":"eth_blockNumber","params":[]}]""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.Equal(2, body.GetArrayLength());
        Assert.Contains(body.EnumerateArray(), r => r.GetProperty("id").GetInt32() == 1 && r.Str("result") == "0x2105");
    }

    [Theory]
    [InlineData("anvil_setBalance")]
    [InlineData("anvil_mine")]
    [InlineData("evm_revert")]
    [InlineData("hardhat_impersonateAccount")]
    [InlineData("eth_sendTransaction")]
    [InlineData("personal_sign")]
    public async Task Mutating_Admin_And_Unlocked_Account_Methods_Are_Refused(string method)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base",
            $$"""[{"jsonrpc":"2.0","id":7,"method":"{{method}}","params":[]},{"jsonrpc":"2.0","id":8,"method":"eth_chainId","params":[]}]""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.Equal(-32601, body[0].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(7, body[0].GetProperty("id").GetInt32());
        Assert.Contains(method, body[0].GetProperty("error").Str("message"));
        Assert.Equal("0x2105", body[1].Str("result"));
    }

    [Fact]
    public async Task A_Refused_Single_Request_Gets_A_Json_Rpc_Error()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/arbitrum", """{"jsonrpc":"2.0","id":"x","method":"anvil_reset","params":[]}""");
        var body = await response.JsonAsync();
        Assert.Equal("x", body.Str("id"));
        Assert.Equal(-32601, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Unknown_Chain_Is_A_404_Problem()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/polygon", """{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""");
        var body = await ProblemAssert.IsProblemAsync(response, "resource_not_found");
        Assert.Equal("polygon", body.Str("id"));
    }

    [Fact]
    public async Task A_Body_That_Is_Not_Json_Is_An_Invalid_Request()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", "{not json");
        await ProblemAssert.IsProblemAsync(response, "invalid_request");
    }
}
