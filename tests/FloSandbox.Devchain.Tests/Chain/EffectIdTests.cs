using FloSandbox.Devchain.Contracts;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>An effect id is (32-byte domain, index); an order's step is index sequence * 8 + step.</summary>
public sealed class EffectIdTests
{
    private static readonly byte[] Domain = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void An_Orders_Step_Is_Index_Sequence_Times_Eight_Plus_The_Step()
    {
        Assert.Equal(0UL, EffectId.For(Domain, 0, EffectStep.Mint).Index);
        Assert.Equal(8UL * 41 + 2, EffectId.For(Domain, 41, EffectStep.Refund).Index);
        Assert.Equal(8UL * 41 + 5, EffectId.For(Domain, 41, EffectStep.Payout).Index);
        Assert.Equal((ulong)long.MaxValue / 8 * 8 + 3, EffectId.For(Domain, long.MaxValue / 8, EffectStep.DeployCharge).Index);
        Assert.Equal(Domain, EffectId.For(Domain, 41, EffectStep.Mint).Domain.ToArray());
        Assert.Equal([0, 1, 2, 3, 4, 5], Enum.GetValues<EffectStep>().Select(s => (int)s));
    }

    [Fact]
    public void A_Negative_Sequence_An_Unknown_Step_Or_A_Domain_Not_Of_32_Bytes_Is_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectId.For(Domain, -1, EffectStep.Mint));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectId.For(Domain, long.MaxValue / 8 + 1, EffectStep.Mint));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectId.For(Domain, 1, (EffectStep)6));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectId.For(Domain[..31], 1, EffectStep.Mint));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectId.For([.. Domain, 0], 1, EffectStep.Mint));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EffectId([], 0));
    }

    [Fact]
    public void Ids_Are_Equal_When_Domain_And_Index_Are()
    {
        var id = EffectId.For(Domain, 3, EffectStep.Payment);
        var otherDomain = Domain.ToArray();
        otherDomain[31] ^= 1;

        Assert.Equal(id, EffectId.For(Domain.ToArray(), 3, EffectStep.Payment));
        Assert.Equal(id.GetHashCode(), EffectId.For(Domain.ToArray(), 3, EffectStep.Payment).GetHashCode());
        Assert.NotEqual(id, EffectId.For(Domain, 3, EffectStep.Refund));
        Assert.NotEqual(id, EffectId.For(Domain, 4, EffectStep.Payment));
        Assert.NotEqual(id, EffectId.For(otherDomain, 3, EffectStep.Payment));
        Assert.True(id == new EffectId(Domain, 25));
        Assert.True(id != new EffectId(otherDomain, 25));
    }

    [Fact]
    public void An_Id_Reads_As_Its_Domain_In_Hex_Slash_Its_Index_And_Parses_Back()
    {
        var id = EffectId.For(Domain, 41, EffectStep.Refund);

        Assert.Equal("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20/330", id.ToString());
        Assert.Equal(id, EffectId.Parse(id.ToString()));
        Assert.Equal(new EffectId(Domain, ulong.MaxValue), EffectId.Parse(new EffectId(Domain, ulong.MaxValue).ToString()));
        Assert.Throws<FormatException>(() => EffectId.Parse("0x0102/3"));
        Assert.Throws<FormatException>(() => EffectId.Parse(id.ToString()[..^4]));
        Assert.Throws<FormatException>(() => EffectId.Parse(id.ToString() + "x"));
        Assert.Throws<FormatException>(() => EffectId.Parse(id.ToString().Replace("/", "/-", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_Random_Id_Has_A_Fresh_Domain_And_Index_Zero()
    {
        var (first, second) = (EffectId.NewRandom(), EffectId.NewRandom());

        Assert.Equal(0UL, first.Index);
        Assert.Equal(32, first.Domain.Length);
        Assert.NotEqual(first, second);
    }
}
