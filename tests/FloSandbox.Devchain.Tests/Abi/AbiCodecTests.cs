using System.Numerics;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Tests.Abi;

public sealed class AbiCodecTests
{
    public static TheoryData<string, object?> RoundTripCases() => new()
    {
        { "uint256", BigInteger.Zero },
        { "uint256", (BigInteger.One << 256) - 1 },
        { "uint8", new BigInteger(255) },
        { "uint64", new BigInteger(ulong.MaxValue) },
        { "int256", -(BigInteger.One << 255) },
        { "int256", (BigInteger.One << 255) - 1 },
        { "int8", new BigInteger(-128) },
        { "int64", new BigInteger(long.MinValue) },
        { "address", EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") },
        { "bool", true },
        { "bool", false },
        { "bytes32", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray() },
        { "bytes4", new byte[] { 0xde, 0xad, 0xbe, 0xef } },
        { "bytes", Array.Empty<byte>() },
        { "bytes", Enumerable.Range(0, 65).Select(i => (byte)i).ToArray() },
        { "string", "" },
        { "string", "naïve ✓ — 32 bytes and a little more than that" },
        { "uint256[]", new object?[] { BigInteger.One, new BigInteger(2), (BigInteger.One << 256) - 1 } },
        { "int256[]", new object?[] { new BigInteger(-1), BigInteger.Zero } },
        { "address[]", new object?[] { EvmAddress.Zero, EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8") } },
        { "bool[]", new object?[] { true, false, true } },
        { "bytes32[]", new object?[] { new byte[32], Enumerable.Repeat((byte)0xff, 32).ToArray() } },
        { "string[]", new object?[] { "a", "", "flo" } },
        { "bytes[]", new object?[] { new byte[] { 1 }, Array.Empty<byte>() } },
        { "uint8[]", Array.Empty<object?>() },
        { "string[][]", new object?[] { new object?[] { "x", "y" }, Array.Empty<object?>() } },
    };

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void Every_Supported_Type_Round_Trips(string type, object? value)
    {
        var types = AbiType.ParseList($"{type},string,uint256");
        object?[] values = [value, "after", new BigInteger(7)];

        var decoded = AbiCodec.Decode(types, AbiCodec.Encode(types, values));

        Assert.Equal(Normalize(value), Normalize(decoded[0]));
        Assert.Equal("after", decoded[1]);
        Assert.Equal(new BigInteger(7), decoded[2]);
    }

    [Fact]
    public void Encoding_Matches_The_Solidity_Documentation_Example()
    {
        // sam(bytes,bool,uint256[]) with ("dave", true, [1, 2, 3]) from the Solidity ABI specification.
        var call = new AbiFunction("sam(bytes,bool,uint256[])").EncodeCall("dave"u8.ToArray(), true, new[] { 1, 2, 3 });

        Assert.Equal(
            "0xa5643bf2"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6461766500000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000003",
            Hex.Encode(call));
    }

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint256", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    public void Values_That_Do_Not_Fit_Their_Type_Are_Refused(string type, int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiCodec.Encode(type, value));
    }

    [Fact]
    public void Decoding_Rejects_Short_Data_And_Dirty_Words()
    {
        var dirtyAddress = new byte[32];
        dirtyAddress[0] = 1;
        var notABool = new byte[32];
        notABool[31] = 2;

        Assert.Throws<FormatException>(() => AbiCodec.Decode("uint256", new byte[31]));
        Assert.Throws<FormatException>(() => AbiCodec.Decode("address", dirtyAddress));
        Assert.Throws<FormatException>(() => AbiCodec.Decode("bool", notABool));
        Assert.Throws<FormatException>(() => AbiCodec.Decode("uint8", Hex.Decode("0x" + new string('0', 60) + "0100")));
        Assert.Throws<FormatException>(() => AbiCodec.Decode("string", Hex.Decode("0x" + new string('0', 62) + "20" + new string('0', 60) + "ffff")));
    }

    [Fact]
    public void Type_Names_Are_Canonicalized_And_Unsupported_Types_Are_Named()
    {
        Assert.Equal("uint256", AbiType.Parse("uint").Name);
        Assert.Equal("int256[]", AbiType.Parse("int[]").Name);
        Assert.Equal("transfer(address,uint256)", new AbiFunction("transfer(address,uint)").Signature);
        var error = Assert.Throws<FormatException>(() => AbiType.Parse("uint7"));
        Assert.Contains("uint7", error.Message);
        Assert.Throws<FormatException>(() => AbiType.Parse("(uint256,bool)"));
    }

    [Fact]
    public void Revert_Data_Is_Described_Readably()
    {
        var errorString = new AbiFunction("Error(string)").EncodeCall("boom");
        var panic = new AbiFunction("Panic(uint256)").EncodeCall(0x11);
        var notOperator = new AbiFunction("NotOperator(address)").EncodeCall(EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));

        Assert.Equal("boom", RevertDecoder.Describe(errorString));
        Assert.Equal("Panic(0x11)", RevertDecoder.Describe(panic));
        Assert.Equal("NotOperator(0x70997970C51812dc3A010C7d01b50e0d17dc79C8)", RevertDecoder.Describe(notOperator));
        Assert.Equal("custom error 0x12345678", RevertDecoder.Describe(Hex.Decode("0x12345678")));
        Assert.Null(RevertDecoder.Describe([]));
    }

    private static object? Normalize(object? value) => value switch
    {
        byte[] bytes => Hex.Encode(bytes),
        object?[] items => string.Join("|", items.Select(i => Normalize(i)?.ToString() ?? "null")) + $"#{items.Length}",
        _ => value,
    };
}
