using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Tests.Encoding;

public sealed class EvmAddressTests
{
    // The test vectors of EIP-55 itself.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void ToString_Gives_The_Eip55_Checksum_Of_Eip55_Vectors(string checksummed)
    {
        var address = EvmAddress.Parse(checksummed.ToLowerInvariant());

        Assert.True(EvmAddress.HasValidChecksum(checksummed));
        if (checksummed.Any(char.IsLower) && checksummed[2..].Any(char.IsUpper))
        {
            Assert.Equal(checksummed, address.ToString());
        }
    }

    [Fact]
    public void Parse_Is_Case_Insensitive_And_Lower_Hex_Is_Lower_Case()
    {
        var lower = EvmAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        var upper = EvmAddress.Parse("0XF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266");

        Assert.Equal(lower, upper);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", lower.ToString());
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", upper.ToLowerHex());
    }

    [Fact]
    public void A_Mixed_Case_Address_With_A_Wrong_Checksum_Is_Rejected_By_Strict_Parsing()
    {
        const string broken = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"; // last letter's case flipped

        Assert.False(EvmAddress.HasValidChecksum(broken));
        var error = Assert.Throws<FormatException>(() => EvmAddress.ParseChecksummed(broken));
        Assert.Contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", error.Message);
        Assert.Equal(EvmAddress.Parse(broken), EvmAddress.ParseChecksummed("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("f39fd6e51aad88f6f4ce6ab8827279cfffb92266")]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226")]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb922666")]
    [InlineData("0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266")]
    public void Malformed_Addresses_Do_Not_Parse(string text)
    {
        Assert.False(EvmAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => EvmAddress.Parse(text));
    }

    [Fact]
    public void Default_Is_The_Zero_Address_And_Equality_Is_By_Value()
    {
        var bytes = new byte[20];
        bytes[19] = 1;

        Assert.True(default(EvmAddress).IsZero);
        Assert.Equal("0x0000000000000000000000000000000000000000", EvmAddress.Zero.ToString());
        Assert.Equal(EvmAddress.FromBytes(bytes), EvmAddress.Parse("0x0000000000000000000000000000000000000001"));
        Assert.Equal(EvmAddress.FromBytes(bytes).GetHashCode(), EvmAddress.Parse("0x0000000000000000000000000000000000000001").GetHashCode());
        Assert.NotEqual(EvmAddress.Zero, EvmAddress.FromBytes(bytes));
    }
}
