using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using static FloSandbox.Devchain.Tests.Infrastructure.DevchainFixture;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>
/// Effect calls that arrive while the owner's previous transaction is on its way go out together in one
/// <c>FloTokenFactory.batch</c>: each call stands or reverts on its own, and each caller gets its own receipt slice.
/// </summary>
[Collection(DevchainCollection.Name)]
public sealed class FactoryBatchTests(DevchainFixture fixture)
{
    private DevchainNetwork Base => fixture.Base;

    /// <summary>A ticker with its token deployed, so its mints need no deployment.</summary>
    private async Task<(string Ticker, EvmAddress Token)> DeployedTokenAsync()
    {
        var ticker = DevchainFixture.UniqueTicker();
        var first = await Base.Factory.MintAsync(NewEffect(), ticker, "Batch Corp", NewHolder(), 1, EvmAddress.Zero, EvmAddress.Zero, 0);
        return (ticker, first.Token);
    }

    /// <summary>Starts every mint before awaiting any: the first goes alone, the others queue behind it and share a batch.</summary>
    private Task<TokenMint>[] StartMints(string ticker, IReadOnlyList<EvmAddress> holders, EvmAddress payer, BigInteger payment) =>
        holders.Select(holder => Base.Factory.MintAsync(NewEffect(), ticker, "Batch Corp", holder, 1_000_000, Base.Usdc.Address, payer, payment)).ToArray();

    [Fact]
    public async Task Concurrent_Mints_Share_Transactions_And_Each_Receipt_Holds_Only_Its_Own_Logs()
    {
        var (ticker, token) = await DeployedTokenAsync();
        var payer = NewHolder();
        await Base.Usdc.MintAsync(payer, TokenUnits.ToUnits(1_000m));
        var holders = Enumerable.Range(0, 12).Select(_ => NewHolder()).ToArray();
        var nonceBefore = await Base.Rpc.GetNonceAsync(DevchainAccounts.Operator);

        var mints = await Task.WhenAll(StartMints(ticker, holders, payer, TokenUnits.ToUnits(1m)));

        var transactions = mints.Select(m => m.TransactionHash).Distinct().ToArray();
        Assert.InRange(transactions.Length, 2, holders.Length - 1);
        Assert.Equal(nonceBefore + (ulong)transactions.Length, await Base.Rpc.GetNonceAsync(DevchainAccounts.Operator));
        for (var i = 0; i < holders.Length; i++)
        {
            Assert.Equal(token, mints[i].Token);
            Assert.False(mints[i].Deployed);
            var transfers = mints[i].Receipt.Logs.Select(DevchainEvents.TryDecodeTransfer).OfType<TransferEvent>().ToArray();
            Assert.Equal(2, transfers.Length); // the token's mint to the holder and the payment's burn, nothing of another call
            Assert.Contains(transfers, t => t.Token == token && t.From.IsZero && t.To == holders[i] && t.Value == 1_000_000);
            Assert.Equal(new BigInteger(1_000_000), await Base.Token(token).BalanceOfAsync(holders[i]));
        }
        Assert.Equal(TokenUnits.ToUnits(1_000m - holders.Length), await Base.Usdc.BalanceOfAsync(payer));

        // A batch's gas is shared out: the slices add up to the transaction's gas (to the rounding of the shares).
        var batch = mints.GroupBy(m => m.TransactionHash).Single(g => g.Count() > 1).ToArray();
        var receipt = await Base.Factory.ReceiptAsync(batch[0].TransactionHash);
        var sliced = batch.Aggregate(0UL, (sum, m) => sum + m.GasUsed);
        Assert.InRange((ulong)receipt!.GasUsed.Value - sliced, 0UL, (ulong)batch.Length);
        Assert.All(batch, m => Assert.InRange(m.GasUsed, 30_000UL, FloTokenFactoryContract.TypicalPlainMintGas * 2));
    }

    [Fact]
    public async Task A_Call_That_Reverts_In_A_Batch_Reverts_Alone()
    {
        var (ticker, token) = await DeployedTokenAsync();
        var payer = NewHolder();
        await Base.Usdc.MintAsync(payer, TokenUnits.ToUnits(100m));
        var broke = NewHolder(); // holds no USDC: its mint's payment cannot be burned
        var holders = Enumerable.Range(0, 6).Select(_ => NewHolder()).ToArray();
        var mints = StartMints(ticker, holders, payer, TokenUnits.ToUnits(1m)).ToList();
        var doomedHolder = NewHolder();
        var doomed = Base.Factory.MintAsync(NewEffect(), ticker, "Batch Corp", doomedHolder, 1_000_000, Base.Usdc.Address, broke, TokenUnits.ToUnits(1m));
        mints.Add(Base.Factory.MintAsync(NewEffect(), ticker, "Batch Corp", NewHolder(), 1_000_000, Base.Usdc.Address, payer, TokenUnits.ToUnits(1m)));

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => doomed);
        var stood = await Task.WhenAll(mints);

        Assert.Contains("InsufficientBalance", error.RevertReason);
        Assert.Equal(0, error.Receipt.Status.Value);
        Assert.Empty(error.Receipt.Logs);
        Assert.Contains(stood, m => m.TransactionHash == error.Receipt.TransactionHash); // it shared its transaction with mints that stood
        Assert.Equal(BigInteger.Zero, await Base.Token(token).BalanceOfAsync(doomedHolder));
        Assert.Equal(TokenUnits.ToUnits(100m - stood.Length), await Base.Usdc.BalanceOfAsync(payer));
    }

    [Fact]
    public async Task An_Effect_Applied_Before_Is_Refused_Inside_A_Batch_And_Read_Back_As_Its_Own_Call()
    {
        var (ticker, token) = await DeployedTokenAsync();
        var holders = Enumerable.Range(0, 5).Select(_ => NewHolder()).ToArray();
        var effects = holders.Select(_ => NewEffect()).ToArray();
        Task<TokenMint> Mint(int i) => Base.Factory.MintAsync(effects[i], ticker, "Batch Corp", holders[i], 1_000_000, EvmAddress.Zero, EvmAddress.Zero, 0);
        var first = await Task.WhenAll(Enumerable.Range(0, holders.Length).Select(Mint));
        var batched = Enumerable.Range(0, holders.Length).First(i => first.Count(m => m.TransactionHash == first[i].TransactionHash) > 1);

        // The same effects again, together: each is refused, and reading it back finds its own call of the first batch.
        var again = Enumerable.Range(0, holders.Length).Select(i => Base.Factory.ApplyOnceAsync(effects[i],
            () => Mint(i), receipt => Base.Factory.ReadMint(ticker, receipt))).ToArray();
        var refused = await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => Mint(batched));
        var readBack = await Task.WhenAll(again);

        Assert.Equal(effects[batched], refused.Effect);
        for (var i = 0; i < holders.Length; i++)
        {
            Assert.Equal(first[i].TransactionHash, readBack[i].TransactionHash);
            Assert.Equal(token, readBack[i].Token);
            var minted = readBack[i].Receipt.Logs.Select(DevchainEvents.TryDecodeTransfer).OfType<TransferEvent>().Single();
            Assert.Equal(holders[i], minted.To);
            Assert.Equal(new BigInteger(1_000_000), await Base.Token(token).BalanceOfAsync(holders[i]));
        }
    }

    [Fact]
    public async Task A_Mint_Of_A_Token_Seen_Before_That_The_Chain_Lost_Deploys_It_Again()
    {
        // The binding remembers the token and gives its next mint a plain mint's gas; the chain is then taken back to before
        // the token existed (as a node restarted on older state would be), so that mint runs out of gas and goes again with a
        // deployment's gas.
        var snapshot = await Base.Rpc.SendRequestAsync<string>("evm_snapshot");
        var (ticker, token) = await DeployedTokenAsync();
        Assert.True(await Base.Rpc.SendRequestAsync<bool>("evm_revert", null, snapshot));
        Assert.Null(await Base.Factory.TokenOfAsync(ticker));
        var holder = NewHolder();

        var minted = await Base.Factory.MintAsync(NewEffect(), ticker, "Batch Corp", holder, 1_000_000, EvmAddress.Zero, EvmAddress.Zero, 0);

        Assert.True(minted.Deployed);
        Assert.True(minted.GasUsed > 300_000, $"a deploying mint uses more than a plain mint's limit; used {minted.GasUsed}");
        Assert.Equal(token, minted.Token);
        Assert.Equal(new BigInteger(1_000_000), await Base.Token(token).BalanceOfAsync(holder));
    }
}
