using System.Text;
using FloSandbox.Flo.Platform.Pipeline;
using FloSandbox.Flo.Rpc;

namespace FloSandbox.Tests.Chain;

/// When `/rpc` can hand the body to the node as sent, and when it must rewrite it.
public class RpcPlanTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"a","method":"eth_call","params":[{"to":"0x0000000000000000000000000000000000000001"},"latest"]}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"eth_chainId"}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":"1","method":"eth_blockNumber"},{"jsonrpc":"2.0","id":null,"method":"net_version"}]""")]
    public void Bodies_Of_Allowed_Requests_With_Distinct_Ids_Go_As_Sent(string json)
    {
        using var body = RpcBody.Parse(new RequestBody(Encoding.UTF8.GetBytes(json), IsJson: false));
        Assert.True(RpcPlan.For(body).ForwardAsSent);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":-0,"method":"eth_chainId"},{"jsonrpc":"2.0","id":0,"method":"eth_blockNumber"}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":18446744073709551617,"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"\u0061","method":"eth_chainId"}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":2,"method":"anvil_mine"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":2,"method":"eth_accounts"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","method":"anvil_mine"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},7]""")]
    [InlineData("""[]""")]
    public void Bodies_With_Answers_Given_Here_Or_Ids_The_Node_Cannot_Tell_Apart_Are_Rewritten(string json)
    {
        using var body = RpcBody.Parse(new RequestBody(Encoding.UTF8.GetBytes(json), IsJson: false));
        Assert.False(RpcPlan.For(body).ForwardAsSent);
    }

    [Fact]
    public void The_Rewritten_Body_Carries_Only_Forwarded_Entries_With_Their_Positions_As_Ids()
    {
        using var body = RpcBody.Parse(new RequestBody(Encoding.UTF8.GetBytes("""
            [{"jsonrpc":"2.0","id":"x","method":"anvil_mine"},
             {"jsonrpc":"2.0","id":"x","method":"eth_getBalance","params":["0x0000000000000000000000000000000000000001","latest"],"extra":true},
             {"jsonrpc":"2.0","method":"eth_chainId"}]
            """), IsJson: false));

        var rewritten = Encoding.UTF8.GetString(RpcPlan.For(body).RewrittenBody());

        Assert.Equal("""[{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0x0000000000000000000000000000000000000001","latest"]},{"jsonrpc":"2.0","method":"eth_chainId"}]""",
            rewritten);
    }
}
