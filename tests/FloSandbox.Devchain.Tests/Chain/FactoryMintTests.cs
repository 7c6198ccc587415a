using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using static FloSandbox.Devchain.Tests.Infrastructure.DevchainFixture;
using Nethereum.Util;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>FloTokenFactory.mint / burn: deploy-if-missing, token supply and stablecoin payment in one transaction.</summary>
[Collection(DevchainCollection.Name)]
public sealed class FactoryMintTests(DevchainFixture fixture)
{
    private DevchainNetwork Base => fixture.Base;

    private async Task<EvmAddress> FundedPayerAsync(BigInteger usdc)
    {
        var payer = NewHolder();
        await Base.Usdc.MintAsync(payer, usdc);
        return payer;
    }

    [Fact]
    public async Task The_First_Mint_Of_A_Fresh_Ticker_Deploys_Mints_And_Burns_The_Payment_In_One_Transaction()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var predicted = FloTokenFactoryContract.PredictTokenAddress(fixture.Cluster.FactoryAddress, ticker);
        var (holder, payer) = (NewHolder(), await FundedPayerAsync(TokenUnits.ToUnits(100m)));

        var effect = EffectId.NewRandom();

        var mint = await Base.Factory.MintAsync(effect, ticker, "Fresh Corp", holder, TokenUnits.ToUnits(3m), Base.Usdc.Address, payer, TokenUnits.ToUnits(30.25m));

        Assert.True(mint.Deployed);
        Assert.Equal(predicted, mint.Token);
        Assert.Equal(predicted, await Base.Factory.TokenOfAsync(ticker));
        Assert.True(mint.Receipt.Succeeded());
        Assert.Equal(4, mint.Receipt.Logs.Length);
        Assert.All(mint.Receipt.Logs, log => Assert.Equal(mint.TransactionHash, log.TransactionHash));
        Assert.Equal(effect, DevchainEvents.TryDecodeEffectApplied(mint.Receipt.Logs[0]));
        var deployed = DevchainEvents.TryDecodeTokenDeployed(mint.Receipt.Logs[1]);
        Assert.NotNull(deployed);
        Assert.Equal((Base.Factory.Address, predicted, ticker, "Fresh Corp"), (deployed.Factory, deployed.Token, deployed.Ticker, deployed.Name));
        Assert.Equal(Sha3Keccack.Current.CalculateHashAsBytes(ticker), deployed.Salt);
        Assert.Equal(new TransferEvent(predicted, EvmAddress.Zero, holder, 3_000_000, mint.TransactionHash), DevchainEvents.TryDecodeTransfer(mint.Receipt.Logs[2]));
        Assert.Equal(new TransferEvent(Base.Usdc.Address, payer, EvmAddress.Zero, 30_250_000, mint.TransactionHash), DevchainEvents.TryDecodeTransfer(mint.Receipt.Logs[3]));

        var token = Base.Token(predicted);
        Assert.Equal(TokenUnits.ToUnits(3m), await token.BalanceOfAsync(holder));
        Assert.Equal(TokenUnits.ToUnits(69.75m), await Base.Usdc.BalanceOfAsync(payer));
        Assert.Equal((ticker, "Fresh Corp", 6), (await token.SymbolAsync(), await token.NameAsync(), await token.DecimalsAsync()));
    }

    [Fact]
    public async Task A_Second_Mint_Of_The_Same_Ticker_Does_Not_Deploy_And_Costs_Less_Gas()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var payer = await FundedPayerAsync(TokenUnits.ToUnits(100m));

        var first = await Base.Factory.MintAsync(EffectId.NewRandom(), ticker, "Twice Inc.", NewHolder(), 1_000_000, Base.Usdc.Address, payer, 10_000_000);
        var holder = NewHolder();
        var second = await Base.Factory.MintAsync(EffectId.NewRandom(), ticker, "ignored", holder, 2_000_000, Base.Usdc.Address, payer, 20_000_000);

        Assert.True(first.Deployed);
        Assert.False(second.Deployed);
        Assert.Equal(first.Token, second.Token);
        Assert.Equal(0UL, second.DeployGasPremium);
        Assert.True(second.GasUsed < first.GasUsed, $"second {second.GasUsed} vs first {first.GasUsed}");
        Assert.Equal(3, second.Receipt.Logs.Length);
        Assert.Null(DevchainEvents.TryDecodeTokenDeployed(second.Receipt.Logs[1]));
        Assert.Equal(new BigInteger(2_000_000), await Base.Token(second.Token).BalanceOfAsync(holder));
        Assert.Equal(new BigInteger(3_000_000), await Base.Token(second.Token).TotalSupplyAsync());
        Assert.Equal("Twice Inc.", await Base.Token(second.Token).NameAsync());
        Assert.Equal(TokenUnits.ToUnits(70m), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task A_Payer_Without_Enough_Stablecoin_Reverts_The_Whole_Mint_Including_The_Deployment()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var predicted = FloTokenFactoryContract.PredictTokenAddress(fixture.Cluster.FactoryAddress, ticker);
        var (holder, payer) = (NewHolder(), await FundedPayerAsync(5_000_000));

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => Base.Factory.MintAsync(EffectId.NewRandom(), ticker, "Broke Corp", holder, 1_000_000, Base.Usdt.Address, payer, 1));

        Assert.False(error.Receipt.Succeeded());
        Assert.Empty(error.Receipt.Logs);
        Assert.Equal($"InsufficientBalance({payer}, 0, 1)", error.RevertReason); // the payer holds USDC, not USDT
        Assert.Null(await Base.Factory.TokenOfAsync(ticker));
        Assert.Empty(await Base.Rpc.GetCodeAsync(predicted));
        Assert.Equal(new BigInteger(5_000_000), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task A_Payer_Without_Enough_Stablecoin_Reverts_A_Mint_Of_An_Existing_Token()
    {
        var (ticker, address) = await fixture.DeployTokenEverywhereAsync();
        var (holder, payer) = (NewHolder(), await FundedPayerAsync(5_000_000));

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => Base.Factory.MintAsync(EffectId.NewRandom(), ticker, "", holder, 1_000_000, Base.Usdc.Address, payer, 5_000_001));

        Assert.Equal($"InsufficientBalance({payer}, 5000000, 5000001)", error.RevertReason);
        Assert.Equal(BigInteger.Zero, await Base.Token(address).TotalSupplyAsync());
        Assert.Equal(new BigInteger(5_000_000), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task A_Mint_Without_Payment_Touches_No_Stablecoin()
    {
        var holder = NewHolder();

        var mint = await Base.Factory.MintAsync(EffectId.NewRandom(), DevchainFixture.UniqueTicker(), "Free Corp", holder, 7, EvmAddress.Zero, EvmAddress.Zero, 0);

        Assert.True(mint.Deployed);
        Assert.Equal(3, mint.Receipt.Logs.Length);
        Assert.Equal(new BigInteger(7), await Base.Token(mint.Token).BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Only_The_Owner_Can_Mint_Or_Burn_Through_The_Factory()
    {
        var (ticker, address) = await fixture.DeployTokenEverywhereAsync();
        var strangersFactory = new FloTokenFactoryContract(Base.Sender, fixture.Cluster.FactoryAddress, DevchainFixture.Stranger);
        var holder = NewHolder();
        var fresh = DevchainFixture.UniqueTicker();

        var mint = await Assert.ThrowsAsync<TransactionRevertedException>(() => strangersFactory.MintAsync(EffectId.NewRandom(), fresh, "Nope", holder, 1, Base.Usdc.Address, holder, 0));
        var burn = await Assert.ThrowsAsync<TransactionRevertedException>(() => strangersFactory.BurnAsync(EffectId.NewRandom(), ticker, holder, 0, Base.Usdc.Address, holder, 1));

        Assert.Equal($"NotOwner({DevchainFixture.Stranger})", mint.RevertReason);
        Assert.Equal($"NotOwner({DevchainFixture.Stranger})", burn.RevertReason);
        Assert.Null(await Base.Factory.TokenOfAsync(fresh));
        Assert.Equal(BigInteger.Zero, await Base.Token(address).TotalSupplyAsync());
        Assert.Equal(BigInteger.Zero, await Base.Usdc.BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Burn_Burns_The_Tokens_And_Mints_The_Payout_In_One_Transaction()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var holder = NewHolder();
        var minted = await Base.Factory.MintAsync(EffectId.NewRandom(), ticker, "Redeem Corp", holder, TokenUnits.ToUnits(10m), EvmAddress.Zero, EvmAddress.Zero, 0);
        var usdtSupply = await Base.Usdt.TotalSupplyAsync();

        var burn = await Base.Factory.BurnAsync(EffectId.NewRandom(), ticker, holder, TokenUnits.ToUnits(4m), Base.Usdt.Address, holder, TokenUnits.ToUnits(401.5m));

        Assert.Equal(minted.Token, burn.Token);
        Assert.True(burn.Receipt.Succeeded());
        Assert.Equal(
            [new TransferEvent(minted.Token, holder, EvmAddress.Zero, 4_000_000, burn.TransactionHash), new TransferEvent(Base.Usdt.Address, EvmAddress.Zero, holder, 401_500_000, burn.TransactionHash)],
            burn.Receipt.Logs.Skip(1).Select(DevchainEvents.TryDecodeTransfer));
        Assert.Equal(TokenUnits.ToUnits(6m), await Base.Token(minted.Token).BalanceOfAsync(holder));
        Assert.Equal(TokenUnits.ToUnits(6m), await Base.Token(minted.Token).TotalSupplyAsync());
        Assert.Equal(TokenUnits.ToUnits(401.5m), await Base.Usdt.BalanceOfAsync(holder));
        Assert.Equal(usdtSupply + TokenUnits.ToUnits(401.5m), await Base.Usdt.TotalSupplyAsync());
    }

    [Fact]
    public async Task Burning_More_Tokens_Than_Held_Reverts_Without_A_Payout()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var holder = NewHolder();
        var minted = await Base.Factory.MintAsync(EffectId.NewRandom(), ticker, "Short Corp", holder, 10, EvmAddress.Zero, EvmAddress.Zero, 0);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => Base.Factory.BurnAsync(EffectId.NewRandom(), ticker, holder, 11, Base.Usdc.Address, holder, 1_000));

        Assert.Equal($"InsufficientBalance({holder}, 10, 11)", error.RevertReason);
        Assert.Equal(new BigInteger(10), await Base.Token(minted.Token).BalanceOfAsync(holder));
        Assert.Equal(BigInteger.Zero, await Base.Usdc.BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Burning_An_Undeployed_Ticker_Reverts_With_TokenNotDeployed()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var holder = NewHolder();

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => Base.Factory.BurnAsync(EffectId.NewRandom(), ticker, holder, 0, Base.Usdc.Address, holder, 1));

        Assert.Equal($"TokenNotDeployed(\"{ticker}\")", error.RevertReason);
        Assert.Equal(BigInteger.Zero, await Base.Usdc.BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Minting_An_Empty_Ticker_Is_Refused()
    {
        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => Base.Factory.MintAsync(EffectId.NewRandom(), "", "Nameless", NewHolder(), 1, EvmAddress.Zero, EvmAddress.Zero, 0));

        Assert.Equal("EmptyTicker()", error.RevertReason);
    }
}
