using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Tests.Encoding;

public sealed class KeccakTests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Keccak256_Matches_Known_Vectors(string input, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(input)));
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    public void Function_Selector_Is_The_First_Four_Bytes_Of_The_Signature_Hash(string signature, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.FunctionSelector(signature)));
    }

    [Fact]
    public void Hashing_Into_A_Span_Gives_The_Same_Digest()
    {
        Span<byte> destination = stackalloc byte[32];

        Keccak256.Hash("flo"u8, destination);

        Assert.Equal(Keccak256.Hash("flo"), destination.ToArray());
    }
}
