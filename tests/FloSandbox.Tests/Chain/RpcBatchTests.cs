using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

/// JSON-RPC 2.0 batches through `/rpc/{chain}`: one answer per request, in request order, each with
/// its own id exactly as sent, whether it was forwarded, refused or invalid.
public class RpcBatchTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Duplicate_Ids_In_A_Mixed_Batch_Each_Get_Their_Own_Answer_In_Order()
    {
        var answers = await BatchAsync("""
            [{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},
             {"jsonrpc":"2.0","id":1,"method":"anvil_mine","params":[]},
             {"jsonrpc":"2.0","id":1,"method":"net_version"},
             {"jsonrpc":"2.0","id":1,"method":"eth_chainId"}]
            """);

        Assert.Equal(4, answers.Length);
        Assert.All(answers, a => Assert.Equal(1, a.GetProperty("id").GetInt32()));
        Assert.Equal("0x2105", answers[0].Str("result"));
        Assert.Equal(-32601, answers[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("8453", answers[2].Str("result"));
        Assert.Equal("0x2105", answers[3].Str("result"));
    }

    [Fact]
    public async Task Duplicate_Ids_Of_Allowed_Methods_Each_Get_Their_Own_Answer_In_Order()
    {
        var answers = await BatchAsync("""
            [{"jsonrpc":"2.0","id":"x","method":"net_version"},{"jsonrpc":"2.0","id":"x","method":"eth_chainId"}]
            """);

        Assert.Equal(["8453", "0x2105"], answers.Select(a => a.Str("result")));
        Assert.All(answers, a => Assert.Equal("x", a.Str("id")));
    }

    [Fact]
    public async Task A_Mixed_Batch_Answers_Every_Request_In_Order_And_No_Notification()
    {
        var answers = await BatchAsync("""
            [{"jsonrpc":"2.0","id":"a","method":"eth_chainId"},
             {"jsonrpc":"2.0","id":2,"method":"eth_sendTransaction","params":[{"from":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}]},
             {"jsonrpc":"2.0","id":null,"method":"eth_chainId"},
             {"jsonrpc":"2.0","method":"eth_chainId"},
             {"jsonrpc":"2.0","method":"anvil_mine"},
             {"jsonrpc":"2.0","id":5},
             {"jsonrpc":"2.0","id":6,"method":"eth_accounts"},
             {"jsonrpc":"2.0","id":7,"method":"eth_getBalance","params":["0x0000000000000000000000000000000000000001","latest"]}]
            """);

        Assert.Equal(6, answers.Length);
        Assert.Equal("a", answers[0].Str("id"));
        Assert.Equal("0x2105", answers[0].Str("result"));
        Assert.Equal(2, answers[1].GetProperty("id").GetInt32());
        Assert.Equal(-32601, answers[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, answers[2].GetProperty("id").ValueKind);
        Assert.Equal("0x2105", answers[2].Str("result"));
        Assert.Equal(5, answers[3].GetProperty("id").GetInt32());
        Assert.Equal(-32600, answers[3].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(6, answers[4].GetProperty("id").GetInt32());
        Assert.Equal(0, answers[4].GetProperty("result").GetArrayLength());
        Assert.Equal(7, answers[5].GetProperty("id").GetInt32());
        Assert.StartsWith("0x", answers[5].Str("result"));
    }

    [Fact]
    public async Task Ids_Of_Every_Json_Kind_Come_Back_Verbatim()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", """
            [{"jsonrpc":"2.0","id":18446744073709551617,"method":"eth_chainId"},
             {"jsonrpc":"2.0","id":1.50,"method":"eth_chainId"},
             {"jsonrpc":"2.0","id":-3,"method":"eth_chainId"},
             {"jsonrpc":"2.0","id":1e400,"method":"eth_chainId"},
             {"jsonrpc":"2.0","id":"caf\u00e9","method":"eth_chainId"}]
            """);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();

        var answers = JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, answers.Length);
        Assert.All(answers, a => Assert.Equal("0x2105", a.Str("result")));
        Assert.Equal(["18446744073709551617", "1.50", "-3", "1e400", "\"caf\\u00e9\""], answers.Select(a => a.GetProperty("id").GetRawText()));
    }

    [Fact]
    public async Task A_Single_Request_With_An_Id_The_Node_Cannot_Echo_Gets_An_Object_With_Its_Id()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", """{"jsonrpc":"2.0","id":7.25,"method":"eth_chainId"}""");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var answer = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
        Assert.Equal("7.25", answer.GetProperty("id").GetRawText());
        Assert.Equal("0x2105", answer.Str("result"));
    }

    [Fact]
    public async Task A_Batch_Of_Notifications_Gets_No_Content()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base",
            """[{"jsonrpc":"2.0","method":"eth_chainId"},{"jsonrpc":"2.0","method":"anvil_mine"}]""");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_Allowed_Notification_Gets_No_Content()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", """{"jsonrpc":"2.0","method":"eth_chainId"}""");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_Refused_Notification_Gets_No_Content_And_Does_Not_Run()
    {
        var client = _app.CreateClient();
        var before = await ChainReads.RpcAsync(client, "arbitrum", "eth_blockNumber");
        var response = await client.PostJsonAsync("/rpc/arbitrum", """{"jsonrpc":"2.0","method":"evm_mine"}""");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before.GetString(), (await ChainReads.RpcAsync(client, "arbitrum", "eth_blockNumber")).GetString());
    }

    [Fact]
    public async Task An_Empty_Batch_Is_One_Invalid_Request_Error()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", "[]");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        AssertInvalidRequest(await response.JsonAsync());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"eth_chainId\"")]
    [InlineData("null")]
    public async Task A_Body_That_Is_Neither_Object_Nor_Array_Is_One_Invalid_Request_Error(string json)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", json);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        AssertInvalidRequest(await response.JsonAsync());
    }

    [Fact]
    public async Task A_Batch_Of_Non_Objects_Gets_One_Invalid_Request_Error_Per_Entry()
    {
        var answers = await BatchAsync("""[1, "two", [3], null]""");
        Assert.Equal(4, answers.Length);
        Assert.All(answers, AssertInvalidRequest);
    }

    [Theory]
    [InlineData("""{"id":4,"method":"eth_chainId"}""", "jsonrpc")]
    [InlineData("""{"jsonrpc":"1.0","id":4,"method":"eth_chainId"}""", "jsonrpc")]
    [InlineData("""{"jsonrpc":"2.0","id":4}""", "method")]
    [InlineData("""{"jsonrpc":"2.0","id":4,"method":7}""", "method")]
    [InlineData("""{"jsonrpc":"2.0","id":4,"method":"eth_chainId","params":"x"}""", "params")]
    public async Task A_Malformed_Request_Object_Is_Answered_With_Its_Id_And_What_Is_Wrong(string json, string member)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", json);
        var answer = await response.JsonAsync();
        Assert.Equal(4, answer.GetProperty("id").GetInt32());
        Assert.Equal(-32600, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(member, answer.GetProperty("error").Str("message"));
    }

    [Fact]
    public async Task An_Object_Id_Is_Invalid_And_Answered_With_A_Null_Id()
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", """{"jsonrpc":"2.0","id":{"a":1},"method":"eth_chainId"}""");
        AssertInvalidRequest(await response.JsonAsync());
    }

    private async Task<JsonElement[]> BatchAsync(string json)
    {
        var response = await _app.CreateClient().PostJsonAsync("/rpc/base", json);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return [.. body.EnumerateArray()];
    }

    private static void AssertInvalidRequest(JsonElement answer)
    {
        Assert.Equal("2.0", answer.Str("jsonrpc"));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("id").ValueKind);
        Assert.Equal(-32600, answer.GetProperty("error").GetProperty("code").GetInt32());
    }
}
