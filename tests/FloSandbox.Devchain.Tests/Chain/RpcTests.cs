using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>Nethereum's client against the devchains, and the devchain exceptions it reports through.</summary>
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
        Assert.Equal(new BigInteger(8453), (await fixture.Base.Web3.Eth.ChainId.SendRequestAsync()).Value);
        Assert.True(await fixture.Cluster.IsHealthyAsync());
    }

    [Fact]
    public async Task Account_Reads_Return_Balance_Nonce_And_Code()
    {
        var eth = fixture.Base.Web3.Eth;

        Assert.True((await eth.GetBalance.SendRequestAsync(DevchainAccounts.Operator.ToLowerHex())).Value > BigInteger.Pow(10, 21));
        Assert.True(await fixture.Base.Rpc.GetNonceAsync(DevchainAccounts.Operator) >= 3);
        Assert.NotEmpty(await fixture.Base.Rpc.GetCodeAsync(DevchainAccounts.Usdc));
        Assert.Empty(await fixture.Base.Rpc.GetCodeAsync(DevchainAccounts.Unlocked[5]));
        Assert.True((await eth.Blocks.GetBlockNumber.SendRequestAsync()).Value >= 3);
    }

    [Fact]
    public async Task Receipts_And_Logs_Of_A_Mint_Can_Be_Read_Back()
    {
        var holder = SettlementAddress.ForApiKey("sk_test_" + Guid.NewGuid().ToString("N"));
        var mint = await fixture.Base.Usdc.MintAsync(holder, 123);
        var block = new BlockParameter(mint.BlockNumber);

        var receipt = await fixture.Base.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(mint.TransactionHash);
        var logs = await fixture.Base.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [DevchainAccounts.Usdc.ToLowerHex()],
            Topics = [DevchainEvents.Transfer.Topic0, null!, "0x" + new string('0', 24) + holder.ToLowerHex()[2..]],
            FromBlock = block,
            ToBlock = block,
        });

        Assert.Equal((mint.TransactionHash, mint.BlockNumber.Value, mint.GasUsed.Value), (receipt.TransactionHash, receipt.BlockNumber.Value, receipt.GasUsed.Value));
        Assert.Equal(DevchainEvents.TryDecodeTransfer(mint.Logs[0]), DevchainEvents.TryDecodeTransfer(receipt.Logs[0]));
        var transfer = DevchainEvents.TryDecodeTransfer(Assert.Single(logs));
        Assert.Equal(new TransferEvent(DevchainAccounts.Usdc, EvmAddress.Zero, holder, 123, mint.TransactionHash), transfer);
        Assert.Null(await fixture.Base.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync("0x" + new string('0', 64)));
    }

    [Fact]
    public async Task A_Reverting_Call_Surfaces_As_A_Typed_Exception_With_The_Reason()
    {
        var data = ContractFunction.Of("MockStablecoin", "mint(address,uint256)").Encode(DevchainFixture.Stranger.ToLowerHex(), BigInteger.One);
        var call = new CallInput(data, DevchainAccounts.Usdc.ToLowerHex()) { From = DevchainFixture.Stranger.ToLowerHex() };

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => fixture.Base.Web3.Eth.Transactions.Call.SendRequestAsync(call));

        Assert.True(error.IsRevert);
        Assert.Equal(3, error.Code);
        Assert.Equal("eth_call", error.Method);
        Assert.Equal($"NotOperator({DevchainFixture.Stranger})", error.RevertReason);
        var notOperator = ContractArtifact.Load("MockStablecoin").ContractAbi.Errors.Single(e => e.Name == "NotOperator");
        Assert.Equal("0x" + notOperator.Sha3Signature, error.RevertData![..4].ToHex(true));
    }

    [Fact]
    public async Task An_Unknown_Method_Is_A_JsonRpcException_With_The_Nodes_Code()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => fixture.Base.Rpc.SendRequestAsync<string>("no_such_method"));

        Assert.Equal(-32601, error.Code);
        Assert.Equal("no_such_method", error.Method);
        Assert.False(error.IsRevert);
    }

    [Fact]
    public async Task Create_Addresses_Follow_The_Sender_Nonce_Including_Long_Rlp_Nonces()
    {
        var deployer = DevchainAccounts.Unlocked[8];
        await fixture.Base.Rpc.SendRequestAsync<object>("anvil_setNonce", null, deployer.ToLowerHex(), new HexBigInteger(500));
        var initCode = ContractArtifact.Load("MockStablecoin").DeploymentData("Probe", "PRB", EvmAddress.Zero);

        var contract = await DevchainFixture.DeployFromAsync(fixture.Base.Sender, deployer, initCode);

        Assert.Equal(ContractAddress.ForCreate(deployer, 500), contract);
    }
}
