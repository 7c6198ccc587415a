using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using static FloSandbox.Devchain.Tests.Infrastructure.DevchainFixture;
using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>
/// Effects are bits of a bitmap, 256 to a storage word per domain, so the chain's storage grows by one word per 256
/// effects. Each bit is its own effect: neighbours in a word, across words and across domains do not interfere.
/// </summary>
[Collection(DevchainCollection.Name)]
public sealed class FactoryEffectBitmapTests(DevchainFixture fixture)
{
    /// <summary>Storage slot of the factory's <c>doneBits</c> mapping (after <c>tokens</c>).</summary>
    private const int DoneBitsSlot = 1;

    private DevchainNetwork Base => fixture.Base;

    private static byte[] NewDomain() => EffectId.NewRandom().Domain.ToArray();

    private Task PayAsync(EffectId effect, EvmAddress payee) => Base.Factory.PayAsync(effect, Base.Usdc.Address, payee, 1);

    [Fact]
    public async Task Effects_Of_One_Domain_Are_Bits_Of_One_Storage_Word_Per_256()
    {
        var (domain, payee) = (NewDomain(), NewHolder());

        foreach (var index in new ulong[] { 0, 1, 255, 256 })
        {
            await PayAsync(new EffectId(domain, index), payee);
        }

        Assert.Equal(BigInteger.Pow(2, 255) + 3, await DoneWordAsync(domain, 0));
        Assert.Equal(BigInteger.One, await DoneWordAsync(domain, 1));
        Assert.Equal(BigInteger.Zero, await DoneWordAsync(domain, 2));
    }

    [Fact]
    public async Task Neighbouring_Effects_In_One_Word_And_Across_Words_Are_Independent()
    {
        var (domain, payee) = (NewDomain(), NewHolder());
        var effects = new ulong[] { 0, 1, 2, 254, 255, 256, 257 }.Select(i => new EffectId(domain, i)).ToArray();

        await PayAsync(effects[0], payee);
        await PayAsync(effects[1], payee);
        await PayAsync(effects[5], payee);
        Assert.Equal([true, true, false, false, false, true, false], await Base.Factory.DoneAsync(effects));

        await PayAsync(effects[4], payee); // 255, the last bit of word 0, after 256 in word 1
        await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => PayAsync(effects[0], payee));
        await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => PayAsync(effects[5], payee));

        Assert.Equal([true, true, false, false, true, true, false], await Base.Factory.DoneAsync(effects));
        Assert.Equal(new BigInteger(4), await Base.Usdc.BalanceOfAsync(payee));
    }

    [Fact]
    public async Task The_Same_Index_In_Another_Domain_Is_Another_Effect()
    {
        var (first, second, payee) = (EffectId.For(NewDomain(), 7, EffectStep.Refund), EffectId.For(NewDomain(), 7, EffectStep.Refund), NewHolder());
        await PayAsync(first, payee);

        Assert.Equal([true, false], await Base.Factory.DoneAsync([first, second]));
        await PayAsync(second, payee);
        var error = await Assert.ThrowsAsync<EffectAlreadyAppliedException>(() => PayAsync(second, payee));

        Assert.Equal(second, error.Effect);
        Assert.Equal([true, true], await Base.Factory.DoneAsync([first, second]));
        Assert.Equal(new BigInteger(2), await Base.Usdc.BalanceOfAsync(payee));
    }

    [Fact]
    public async Task Done_Answers_For_Many_Effects_Across_Domains_In_The_Order_Asked()
    {
        var (big, small, payee) = (NewDomain(), NewDomain(), NewHolder());
        var effects = new List<EffectId>();
        for (var sequence = 0; sequence < FloTokenFactoryContract.DoneBatchSize + 500; sequence++)
        {
            effects.Add(EffectId.For(big, sequence, EffectStep.Mint));
            if (sequence % 100 == 0)
            {
                effects.Add(EffectId.For(small, sequence, EffectStep.Payment));
            }
        }

        effects.Add(EffectId.NewRandom());
        var applied = new[] { EffectId.For(big, 2, EffectStep.Mint), EffectId.For(small, 100, EffectStep.Payment), EffectId.For(big, 1499, EffectStep.Mint) }
            .Select(e => effects.IndexOf(e)).ToArray();
        foreach (var position in applied)
        {
            await PayAsync(effects[position], payee);
        }

        var done = await Base.Factory.DoneAsync(effects);

        Assert.Equal(effects.Count, done.Count);
        Assert.Equal(applied, done.Select((isDone, i) => (isDone, i)).Where(d => d.isDone).Select(d => d.i));
        Assert.Empty(await Base.Factory.DoneAsync([]));
    }

    [Fact]
    public async Task A_Mint_Is_Found_By_Its_Domain_And_Index_And_Read_Back_As_The_Mint_Returned_It()
    {
        var (domain, other, holder, ticker) = (NewDomain(), NewDomain(), NewHolder(), DevchainFixture.UniqueTicker());
        var payer = NewHolder();
        await Base.Usdc.MintAsync(payer, TokenUnits.ToUnits(10m));
        var mint = await Base.Factory.MintAsync(EffectId.For(domain, 5, EffectStep.Mint), ticker, "Found Corp", holder, 2_000_000, Base.Usdc.Address, payer, 3_000_000);
        var neighbour = await Base.Factory.CollectAsync(EffectId.For(domain, 5, EffectStep.Payment), Base.Usdc.Address, payer, 1);
        var sameIndexElsewhere = await Base.Factory.CollectAsync(EffectId.For(other, 5, EffectStep.Mint), Base.Usdc.Address, payer, 1);

        var receipt = await Base.Factory.FindAppliedAsync(EffectId.For(domain, 5, EffectStep.Mint));

        Assert.NotNull(receipt);
        var found = Base.Factory.ReadMint(ticker, receipt);
        Assert.Equal(
            (mint.Ticker, mint.Token, mint.Deployed, mint.TransactionHash, mint.BlockNumber, mint.GasUsed, mint.DeployGasPremium),
            (found.Ticker, found.Token, found.Deployed, found.TransactionHash, found.BlockNumber, found.GasUsed, found.DeployGasPremium));
        Assert.True(found.Deployed);
        Assert.Equal(neighbour.TransactionHash, (await Base.Factory.FindAppliedAsync(EffectId.For(domain, 5, EffectStep.Payment)))?.TransactionHash);
        Assert.Equal(sameIndexElsewhere.TransactionHash, (await Base.Factory.FindAppliedAsync(EffectId.For(other, 5, EffectStep.Mint)))?.TransactionHash);
        Assert.Null(await Base.Factory.FindAppliedAsync(EffectId.For(domain, 6, EffectStep.Mint)));
    }

    /// <summary>doneBits[domain][word]: slot keccak256(word . keccak256(domain . 1)), read with <c>eth_getStorageAt</c>.</summary>
    private async Task<BigInteger> DoneWordAsync(byte[] domain, ulong word)
    {
        var abi = new ABIEncode();
        var inner = Sha3Keccack.Current.CalculateHash(abi.GetABIEncoded(new ABIValue("bytes32", domain), new ABIValue("uint256", DoneBitsSlot)));
        var slot = Sha3Keccack.Current.CalculateHash(abi.GetABIEncoded(new ABIValue("uint256", word), new ABIValue("bytes32", inner)));
        var value = await Base.Rpc.SendRequestAsync<string>("eth_getStorageAt", null, Base.Factory.Address.ToLowerHex(), slot.ToHex(true), "latest");
        return new BigInteger(value.HexToByteArray(), isUnsigned: true, isBigEndian: true);
    }
}
