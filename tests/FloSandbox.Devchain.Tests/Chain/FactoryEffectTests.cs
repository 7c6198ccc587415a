using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using static FloSandbox.Devchain.Tests.Infrastructure.DevchainFixture;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>Every factory effect carries an effect id, applied once and refused ever after.</summary>
[Collection(DevchainCollection.Name)]
public sealed class FactoryEffectTests(DevchainFixture fixture)
{
    private DevchainNetwork Base => fixture.Base;

    private async Task<EvmAddress> FundedPayerAsync(BigInteger usdc)
    {
        var payer = NewHolder();
        await Base.Usdc.MintAsync(payer, usdc);
        return payer;
    }

    [Fact]
    public async Task A_Mint_Refuses_Its_Effect_A_Second_Time_And_Changes_Nothing()
    {
        var (ticker, effect) = (DevchainFixture.UniqueTicker(), NewEffect());
        var (holder, payer) = (NewHolder(), await FundedPayerAsync(TokenUnits.ToUnits(100m)));
        var first = await Base.Factory.MintAsync(effect, ticker, "Once Corp", holder, 1_000_000, Base.Usdc.Address, payer, 10_000_000);

        var error = await Assert.ThrowsAsync<EffectAlreadyAppliedException>(
            () => Base.Factory.MintAsync(effect, ticker, "Once Corp", holder, 1_000_000, Base.Usdc.Address, payer, 10_000_000));

        Assert.Equal(effect, error.Effect);
        Assert.Equal($"EffectAlreadyApplied({effect.DomainHex}, {effect.Index})", error.RevertReason);
        Assert.Empty(error.Receipt.Logs);
        Assert.Equal(new BigInteger(1_000_000), await Base.Token(first.Token).BalanceOfAsync(holder));
        Assert.Equal(new BigInteger(1_000_000), await Base.Token(first.Token).TotalSupplyAsync());
        Assert.Equal(TokenUnits.ToUnits(90m), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task Applying_An_Effect_Once_More_Reads_The_First_Outcome_Back_From_The_Chain()
    {
        var (ticker, effect) = (DevchainFixture.UniqueTicker(), NewEffect());
        var (holder, payer) = (NewHolder(), await FundedPayerAsync(TokenUnits.ToUnits(100m)));
        Task<TokenMint> Mint() => Base.Factory.ApplyOnceAsync(effect,
            () => Base.Factory.MintAsync(effect, ticker, "Once Corp", holder, 1_000_000, Base.Usdc.Address, payer, 10_000_000),
            receipt => Base.Factory.ReadMint(ticker, receipt));

        var first = await Mint();
        var again = await Mint();

        Assert.Equal(first.TransactionHash, again.TransactionHash);
        Assert.Equal((first.Token, first.Deployed), (again.Token, again.Deployed));
        Assert.Equal(new BigInteger(1_000_000), await Base.Token(first.Token).TotalSupplyAsync());
        Assert.Equal(TokenUnits.ToUnits(90m), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task A_Burn_Refuses_Its_Effect_A_Second_Time_And_Changes_Nothing()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var holder = NewHolder();
        var minted = await Base.Factory.MintAsync(NewEffect(), ticker, "Burn Corp", holder, 10_000_000, EvmAddress.Zero, EvmAddress.Zero, 0);
        var effect = NewEffect(EffectStep.Burn);
        await Base.Factory.BurnAsync(effect, ticker, holder, 4_000_000, Base.Usdc.Address, holder, 40_000_000);

        var error = await Assert.ThrowsAsync<EffectAlreadyAppliedException>(
            () => Base.Factory.BurnAsync(effect, ticker, holder, 4_000_000, Base.Usdc.Address, holder, 40_000_000));

        Assert.Equal(effect, error.Effect);
        Assert.Equal(new BigInteger(6_000_000), await Base.Token(minted.Token).BalanceOfAsync(holder));
        Assert.Equal(new BigInteger(40_000_000), await Base.Usdc.BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Collect_Burns_A_Payment_Once()
    {
        var payer = await FundedPayerAsync(TokenUnits.ToUnits(50m));
        var effect = NewEffect(EffectStep.Payment);

        var receipt = await Base.Factory.CollectAsync(effect, Base.Usdc.Address, payer, TokenUnits.ToUnits(20m));
        var error = await Assert.ThrowsAsync<EffectAlreadyAppliedException>(
            () => Base.Factory.CollectAsync(effect, Base.Usdc.Address, payer, TokenUnits.ToUnits(20m)));

        Assert.Equal(effect, DevchainEvents.TryDecodeEffectApplied(receipt.Logs[0]));
        Assert.Equal(new TransferEvent(Base.Usdc.Address, payer, EvmAddress.Zero, 20_000_000, receipt.TransactionHash), DevchainEvents.TryDecodeTransfer(receipt.Logs[1]));
        Assert.Equal(effect, error.Effect);
        Assert.Equal(TokenUnits.ToUnits(30m), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task Pay_Mints_A_Payout_Once()
    {
        var payee = NewHolder();
        var effect = NewEffect(EffectStep.Refund);
        var supply = await Base.Usdt.TotalSupplyAsync();

        await Base.Factory.PayAsync(effect, Base.Usdt.Address, payee, TokenUnits.ToUnits(12.5m));
        var error = await Assert.ThrowsAsync<EffectAlreadyAppliedException>(
            () => Base.Factory.PayAsync(effect, Base.Usdt.Address, payee, TokenUnits.ToUnits(12.5m)));

        Assert.Equal(effect, error.Effect);
        Assert.Equal(TokenUnits.ToUnits(12.5m), await Base.Usdt.BalanceOfAsync(payee));
        Assert.Equal(supply + TokenUnits.ToUnits(12.5m), await Base.Usdt.TotalSupplyAsync());
    }

    [Fact]
    public async Task An_Effect_Id_Applied_By_One_Function_Is_Refused_By_Every_Other()
    {
        var (payee, ticker) = (NewHolder(), DevchainFixture.UniqueTicker());
        var token = (await Base.Factory.MintAsync(NewEffect(), ticker, "Other", payee, 10, EvmAddress.Zero, EvmAddress.Zero, 0)).Token;
        var effect = NewEffect(EffectStep.Payout);
        await Base.Factory.PayAsync(effect, Base.Usdc.Address, payee, 5_000_000);

        await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => Base.Factory.CollectAsync(effect, Base.Usdc.Address, payee, 5_000_000));
        await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => Base.Factory.MintAsync(effect, ticker, "Other", payee, 1, EvmAddress.Zero, EvmAddress.Zero, 0));
        await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => Base.Factory.BurnAsync(effect, ticker, payee, 1, Base.Usdc.Address, payee, 1));

        Assert.Equal(new BigInteger(5_000_000), await Base.Usdc.BalanceOfAsync(payee));
        Assert.Equal(new BigInteger(10), await Base.Token(token).BalanceOfAsync(payee));
    }

    [Fact]
    public async Task A_Reverted_Effect_Is_Not_Recorded_And_Can_Be_Applied_Later()
    {
        var (ticker, effect, holder) = (DevchainFixture.UniqueTicker(), NewEffect(), NewHolder());
        var payer = await FundedPayerAsync(5_000_000);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => Base.Factory.MintAsync(effect, ticker, "Later Corp", holder, 1_000_000, Base.Usdc.Address, payer, 10_000_000));
        Assert.IsNotType<EffectAlreadyAppliedException>(error);
        Assert.Equal([false], await Base.Factory.DoneAsync([effect]));
        Assert.Null(await Base.Factory.FindAppliedAsync(effect));

        await Base.Usdc.MintAsync(payer, 5_000_000);
        var mint = await Base.Factory.MintAsync(effect, ticker, "Later Corp", holder, 1_000_000, Base.Usdc.Address, payer, 10_000_000);

        Assert.True(mint.Deployed);
        Assert.Equal([true], await Base.Factory.DoneAsync([effect]));
    }
}
