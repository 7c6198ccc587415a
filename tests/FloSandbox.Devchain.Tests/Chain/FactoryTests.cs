using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Tests.Infrastructure;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Tests.Chain;

[Collection(DevchainCollection.Name)]
public sealed class FactoryTests(DevchainFixture fixture)
{
    [Fact]
    public async Task Factory_Address_Is_Identical_On_All_Chains()
    {
        foreach (var network in fixture.Cluster.Networks)
        {
            Assert.Equal(fixture.Cluster.FactoryAddress, network.Factory.Address);
            Assert.NotEmpty(await network.Rpc.GetCodeAsync(fixture.Cluster.FactoryAddress));
            Assert.Equal(fixture.Cluster.Operator, await network.Factory.OwnerAsync());
        }

        Assert.Equal(ContractAddress.ForCreate(DevchainAccounts.Operator, 0), fixture.Cluster.FactoryAddress);
    }

    [Fact]
    public async Task Stablecoins_Are_At_The_Same_Addresses_On_All_Chains_With_Six_Decimals()
    {
        foreach (var network in fixture.Cluster.Networks)
        {
            Assert.Equal(fixture.Cluster.UsdcAddress, network.Usdc.Address);
            Assert.Equal("USDC", await network.Usdc.SymbolAsync());
            Assert.Equal("USD Coin", await network.Usdc.NameAsync());
            Assert.Equal(6, await network.Usdc.DecimalsAsync());
            Assert.Equal("USDT", await network.Usdt.SymbolAsync());
            Assert.Equal(6, await network.Usdt.DecimalsAsync());
        }
    }

    [Fact]
    public async Task Token_Create2_Address_Equals_The_Prediction_And_Is_The_Same_On_Every_Chain()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var offline = FloTokenFactoryContract.PredictTokenAddress(fixture.Cluster.FactoryAddress, ticker);

        foreach (var network in fixture.Cluster.Networks)
        {
            Assert.Null(await network.Factory.TokenOfAsync(ticker));
            var predicted = await network.Factory.PredictAsync(ticker);

            var deployment = await network.Factory.DeployAsync(ticker, "Example Corp");

            Assert.Equal(offline, predicted);
            Assert.Equal(offline, deployment.Token);
            Assert.Equal(offline, await network.Factory.TokenOfAsync(ticker));
            Assert.True(deployment.Receipt.Succeeded());
            Assert.True(deployment.GasUsed > 21_000);
            Assert.StartsWith("0x", deployment.TransactionHash);
            var token = network.Token(deployment.Token);
            Assert.Equal(ticker, await token.SymbolAsync());
            Assert.Equal("Example Corp", await token.NameAsync());
            Assert.Equal(6, await token.DecimalsAsync());
        }
    }

    [Fact]
    public async Task A_Second_Deploy_Of_The_Same_Ticker_Is_Refused_On_Chain()
    {
        var (ticker, token) = await fixture.DeployTokenEverywhereAsync();

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => fixture.Base.Factory.DeployAsync(ticker, "Again"));

        Assert.False(error.Receipt.Succeeded());
        Assert.Equal($"TokenAlreadyDeployed(\"{ticker}\", {token})", error.RevertReason);
        Assert.Equal(token, await fixture.Base.Factory.TokenOfAsync(ticker));
    }

    [Fact]
    public async Task Only_The_Owner_Can_Deploy_Tokens()
    {
        var strangersFactory = new FloTokenFactoryContract(fixture.Base.Sender, fixture.Cluster.FactoryAddress, DevchainFixture.Stranger);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => strangersFactory.DeployAsync(DevchainFixture.UniqueTicker(), "Nope"));

        Assert.Equal($"NotOwner({DevchainFixture.Stranger})", error.RevertReason);
    }

    [Fact]
    public async Task An_Empty_Ticker_Is_Refused()
    {
        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => fixture.Base.Factory.DeployAsync("", "Nameless"));

        Assert.Equal("EmptyTicker()", error.RevertReason);
    }
}
