using System.Numerics;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using FloSandbox.Devchain.Tests.Infrastructure;

namespace FloSandbox.Devchain.Tests.Chain;

[Collection(DevchainCollection.Name)]
public sealed class RpcTests(DevchainFixture fixture)
{
    [Fact]
    public async Task Every_Chain_Reports_Its_Real_Chain_Id()
    {
        Assert.Equal(["base", "arbitrum", "ethereum"], fixture.Cluster.Networks.Select(n => n.Chain.Name));
        Assert.Equal(8453UL, await fixture.Cluster["base"].Rpc.GetChainIdAsync());
        Assert.Equal(42161UL, await fixture.Cluster["arbitrum"].Rpc.GetChainIdAsync());
        Assert.Equal(1UL, await fixture.Cluster["ethereum"].Rpc.GetChainIdAsync());
        Assert.True(await fixture.Cluster.IsHealthyAsync());
    }

    [Fact]
    public async Task Account_Reads_Return_Balance_Nonce_And_Code()
    {
        var rpc = fixture.Base.Rpc;

        Assert.True(await rpc.GetBalanceAsync(DevchainAccounts.Operator) > BigInteger.Pow(10, 21));
        Assert.True(await rpc.GetTransactionCountAsync(DevchainAccounts.Operator) >= 3);
        Assert.NotEmpty(await rpc.GetCodeAsync(DevchainAccounts.Usdc));
        Assert.Empty(await rpc.GetCodeAsync(DevchainAccounts.Unlocked[5]));
        Assert.True(await rpc.GetBlockNumberAsync() >= 3);
    }

    [Fact]
    public async Task Receipts_And_Logs_Of_A_Mint_Can_Be_Read_Back()
    {
        var holder = SettlementAddress.ForApiKey("sk_test_" + Guid.NewGuid().ToString("N"));
        var mint = await fixture.Base.Usdc.MintAsync(holder, 123);

        var receipt = await fixture.Base.Rpc.GetTransactionReceiptAsync(mint.TransactionHash);
        var logs = await fixture.Base.Rpc.GetLogsAsync(new LogFilter(
            [DevchainAccounts.Usdc],
            [DevchainEvents.Transfer.Topic0, null, "0x" + new string('0', 24) + holder.ToLowerHex()[2..]],
            BlockTag.Number(mint.BlockNumber),
            BlockTag.Number(mint.BlockNumber)));

        Assert.Equal(mint, receipt! with { Logs = mint.Logs });
        Assert.Equal(DevchainEvents.TryDecodeTransfer(mint.Logs[0]), DevchainEvents.TryDecodeTransfer(receipt.Logs[0]));
        var transfer = DevchainEvents.TryDecodeTransfer(Assert.Single(logs));
        Assert.Equal(new BigInteger(123), transfer!.Value);
        Assert.Null(await fixture.Base.Rpc.GetTransactionReceiptAsync("0x" + new string('0', 64)));
    }

    [Fact]
    public async Task A_Reverting_Call_Surfaces_As_A_Typed_Exception_With_The_Reason()
    {
        var call = new TransactionRequest(
            From: DevchainFixture.Stranger,
            To: DevchainAccounts.Usdc,
            Data: new AbiFunction("mint(address,uint256)").EncodeCall(DevchainFixture.Stranger, 1));

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => fixture.Base.Rpc.EthCallAsync(call));

        Assert.True(error.IsRevert);
        Assert.Equal(3, error.Code);
        Assert.Equal($"NotOperator({DevchainFixture.Stranger})", error.RevertReason);
        Assert.Equal(new AbiFunction("NotOperator(address)").Selector.ToArray(), error.RevertData![..4]);
    }

    [Fact]
    public async Task A_Batch_Returns_Results_And_Errors_In_Request_Order()
    {
        var results = await fixture.Base.Rpc.BatchAsync(
        [
            new JsonRpcRequest("eth_chainId"),
            new JsonRpcRequest("no_such_method"),
            new JsonRpcRequest("eth_getTransactionCount", [DevchainAccounts.Operator, BlockTag.Latest]),
        ]);

        Assert.Equal("0x2105", results[0].GetResult().GetString());
        Assert.Equal(-32601, Assert.Throws<JsonRpcException>(() => results[1].GetResult()).Code);
        Assert.StartsWith("0x", results[2].GetResult().GetString());
    }

    [Fact]
    public async Task Generic_Calls_And_Raw_Forwarding_Reach_The_Node()
    {
        var chainId = await fixture.Base.Rpc.CallAsync<string>("eth_chainId");
        var raw = await fixture.Base.Rpc.SendRawAsync("""{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]}"""u8.ToArray());

        Assert.Equal("0x2105", chainId);
        Assert.Equal("""{"jsonrpc":"2.0","id":7,"result":"0x2105"}""", System.Text.Encoding.UTF8.GetString(raw));
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => fixture.Base.Rpc.CallAsync("no_such_method"));
        Assert.Equal(-32601, error.Code);
    }

    [Fact]
    public async Task Create_Addresses_Follow_The_Sender_Nonce_Including_Long_Rlp_Nonces()
    {
        var deployer = DevchainAccounts.Unlocked[8];
        await fixture.Base.Rpc.CallAsync("anvil_setNonce", [deployer, "0x1f4"]);
        var initCode = ContractArtifact.Load("MockStablecoin").DeploymentData("Probe", "PRB", EvmAddress.Zero);

        var contract = await DevchainFixture.DeployFromAsync(fixture.Base.Sender, deployer, initCode);

        Assert.Equal(ContractAddress.ForCreate(deployer, 500), contract);
    }
}
