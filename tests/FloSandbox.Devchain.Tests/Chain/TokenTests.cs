using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using static FloSandbox.Devchain.Tests.Infrastructure.DevchainFixture;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Tests.Chain;

[Collection(DevchainCollection.Name)]
public sealed class TokenTests(DevchainFixture fixture)
{
    [Fact]
    public async Task Mint_And_Burn_Move_Balances_And_Total_Supply()
    {
        var (_, address) = await fixture.DeployTokenEverywhereAsync();
        var token = fixture.Base.Token(address);
        var holder = NewHolder();

        var mint = await token.MintAsync(holder, TokenUnits.ToUnits(10.5m));
        Assert.Equal(TokenUnits.ToUnits(10.5m), await token.BalanceOfAsync(holder));
        Assert.Equal(TokenUnits.ToUnits(10.5m), await token.TotalSupplyAsync());

        var burn = await token.BurnAsync(holder, TokenUnits.ToUnits(4m));
        Assert.Equal(TokenUnits.ToUnits(6.5m), await token.BalanceOfAsync(holder));
        Assert.Equal(TokenUnits.ToUnits(6.5m), await token.TotalSupplyAsync());

        Assert.True(mint.Succeeded() && burn.Succeeded());
        Assert.True(mint.GasUsed.Value > 21_000 && mint.GasUsed.Value < 200_000);
        Assert.Equal(mint.BlockNumber.Value + 1, burn.BlockNumber.Value);
        var minted = DevchainEvents.TryDecodeTransfer(Assert.Single(mint.Logs));
        Assert.Equal(new TransferEvent(address, EvmAddress.Zero, holder, 10_500_000, mint.TransactionHash), minted);
        var burned = DevchainEvents.TryDecodeTransfer(Assert.Single(burn.Logs));
        Assert.Equal(new TransferEvent(address, holder, EvmAddress.Zero, 4_000_000, burn.TransactionHash), burned);
    }

    [Fact]
    public async Task A_Token_Minted_On_One_Chain_Leaves_The_Others_Untouched()
    {
        var (_, address) = await fixture.DeployTokenEverywhereAsync();
        var holder = NewHolder();

        await fixture.Cluster["arbitrum"].Token(address).MintAsync(holder, 5);

        Assert.Equal(new BigInteger(5), await fixture.Cluster["arbitrum"].Token(address).BalanceOfAsync(holder));
        Assert.Equal(BigInteger.Zero, await fixture.Cluster["base"].Token(address).BalanceOfAsync(holder));
        Assert.Equal(BigInteger.Zero, await fixture.Cluster["ethereum"].Token(address).BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Only_The_Operator_Can_Mint_Or_Burn()
    {
        var (_, address) = await fixture.DeployTokenEverywhereAsync();
        var holder = NewHolder();
        var strangersToken = fixture.Base.Token(address).WithMinter(DevchainFixture.Stranger);

        var mint = await Assert.ThrowsAsync<TransactionRevertedException>(() => strangersToken.MintAsync(holder, 1));
        var burn = await Assert.ThrowsAsync<TransactionRevertedException>(() => strangersToken.BurnAsync(holder, 0));
        var usdcMint = await Assert.ThrowsAsync<TransactionRevertedException>(() => fixture.Base.Usdc.WithMinter(DevchainFixture.Stranger).MintAsync(holder, 1));

        Assert.Equal($"NotOperator({DevchainFixture.Stranger})", mint.RevertReason);
        Assert.Equal($"NotOperator({DevchainFixture.Stranger})", burn.RevertReason);
        Assert.Equal($"NotOperator({DevchainFixture.Stranger})", usdcMint.RevertReason);
        Assert.False(mint.Receipt.Succeeded());
        Assert.Equal(BigInteger.Zero, await fixture.Base.Token(address).TotalSupplyAsync());
    }

    [Fact]
    public async Task Burning_More_Than_The_Balance_Reverts_With_The_Shortfall()
    {
        var holder = NewHolder();
        await fixture.Base.Usdc.MintAsync(holder, 100);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => fixture.Base.Usdc.BurnAsync(holder, 101));

        Assert.Equal($"InsufficientBalance({holder}, 100, 101)", error.RevertReason);
        Assert.Equal(new BigInteger(100), await fixture.Base.Usdc.BalanceOfAsync(holder));
    }

    [Fact]
    public async Task Stablecoin_Mint_Burn_And_Transfer_Move_Balances()
    {
        var usdt = fixture.Cluster["ethereum"].Usdt;
        var sender = DevchainAccounts.Unlocked[2];
        var recipient = NewHolder();
        var supplyBefore = await usdt.TotalSupplyAsync();
        var senderBefore = await usdt.BalanceOfAsync(sender);

        await usdt.MintAsync(sender, TokenUnits.ToUnits(1842.05m));
        var transfer = await usdt.TransferAsync(sender, recipient, TokenUnits.ToUnits(42m));
        await usdt.BurnAsync(recipient, TokenUnits.ToUnits(2m));

        Assert.Equal(senderBefore + TokenUnits.ToUnits(1800.05m), await usdt.BalanceOfAsync(sender));
        Assert.Equal(TokenUnits.ToUnits(40m), await usdt.BalanceOfAsync(recipient));
        Assert.Equal(supplyBefore + TokenUnits.ToUnits(1840.05m), await usdt.TotalSupplyAsync());
        Assert.Equal(sender, EvmAddress.Parse(transfer.From));
    }
}
