using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Tests.Encoding;

public sealed class HexTests
{
    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(1UL, "0x1")]
    [InlineData(8453UL, "0x2105")]
    [InlineData(ulong.MaxValue, "0xffffffffffffffff")]
    public void Quantities_Use_Minimal_Hex_Digits(ulong value, string expected)
    {
        Assert.Equal(expected, Hex.EncodeQuantity(value));
        Assert.Equal(expected, Hex.EncodeQuantity(new BigInteger(value)));
        Assert.Equal(value, Hex.DecodeQuantityUInt64(expected));
        Assert.Equal(new BigInteger(value), Hex.DecodeQuantity(expected));
    }

    [Fact]
    public void Bytes_Round_Trip_With_Or_Without_Prefix()
    {
        Assert.Equal("0xdeadbeef", Hex.Encode(Hex.Decode("0xDEADBEEF")));
        Assert.Equal("deadbeef", Hex.Encode(Hex.Decode("deadbeef"), prefix: false));
        Assert.Empty(Hex.Decode("0x"));
    }

    [Theory]
    [InlineData("0xabc")]
    [InlineData("0xzz")]
    public void Malformed_Hex_Is_Rejected(string text)
    {
        Assert.Throws<FormatException>(() => Hex.Decode(text));
    }

    [Fact]
    public void Token_Units_Scale_By_Six_Decimals_And_Refuse_Extra_Precision()
    {
        Assert.Equal(new BigInteger(1_500_000), TokenUnits.ToUnits(1.5m));
        Assert.Equal(1842.05m, TokenUnits.FromUnits(1_842_050_000));
        Assert.Throws<ArgumentException>(() => TokenUnits.ToUnits(0.0000001m));
    }

    [Fact]
    public void Settlement_Address_Is_Deterministic_Per_Api_Key()
    {
        var first = SettlementAddress.ForApiKey("sk_test_abc");

        Assert.Equal(first, SettlementAddress.ForApiKey("sk_test_abc"));
        Assert.NotEqual(first, SettlementAddress.ForApiKey("sk_test_abd"));
        Assert.Equal(Hex.Encode(Keccak256.Hash("flo-sandbox:settlement:sk_test_abc").AsSpan(12)), first.ToLowerHex());
    }

    [Fact]
    public void Create_Addresses_Match_The_Well_Known_Anvil_Deployments()
    {
        Assert.Equal("0x5FbDB2315678afecb367f032d93F642f64180aa3", DevchainAccounts.Factory.ToString());
        Assert.Equal("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", DevchainAccounts.Usdc.ToString());
        Assert.Equal("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", DevchainAccounts.Usdt.ToString());
    }
}
