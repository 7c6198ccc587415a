using System.Numerics;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using FloSandbox.Devchain.Tests.Infrastructure;

namespace FloSandbox.Devchain.Tests.Abi;

/// <summary>Checks our ABI layer against encodings produced by solc-compiled code running in the EVM.</summary>
[Collection(DevchainCollection.Name)]
public sealed class AbiProbeTests(DevchainFixture fixture) : IAsyncLifetime
{
    private static readonly EvmAddress Alice = EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly EvmAddress Bob = EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private EvmAddress _probe;

    public async Task InitializeAsync()
    {
        await using var stream = typeof(AbiProbeTests).Assembly.GetManifestResourceStream("AbiProbe.json")!;
        var artifact = ContractArtifact.Parse(stream);
        _probe = await DevchainFixture.DeployFromSpareAccountAsync(fixture.Base.Sender, artifact.DeploymentData());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Static_Types_Encode_Exactly_As_Solidity_Does()
    {
        object?[] values = [(BigInteger.One << 256) - 1, new BigInteger(200), new BigInteger(-12345), Bob, true, Keccak256.Hash("x")];

        var evm = await EchoAsync("echoStatic(uint256,uint8,int256,address,bool,bytes32)", values);

        Assert.Equal(Hex.Encode(AbiCodec.Encode("uint256,uint8,int256,address,bool,bytes32", values)), Hex.Encode(evm));
    }

    [Fact]
    public async Task Small_Integer_Types_Encode_Exactly_As_Solidity_Does()
    {
        object?[] values = [new BigInteger(ulong.MaxValue), new BigInteger(-128), new BigInteger(long.MinValue), (BigInteger.One << 128) - 1];

        var evm = await EchoAsync("echoSmall(uint64,int8,int64,uint128)", values);

        Assert.Equal(Hex.Encode(AbiCodec.Encode("uint64,int8,int64,uint128", values)), Hex.Encode(evm));
    }

    [Fact]
    public async Task Bytes_And_Strings_Encode_Exactly_As_Solidity_Does()
    {
        object?[] values = [Enumerable.Range(0, 70).Select(i => (byte)i).ToArray(), "naïve ✓ a string longer than one 32-byte word", new BigInteger(42)];

        var evm = await EchoAsync("echoDynamic(bytes,string,uint256)", values);

        Assert.Equal(Hex.Encode(AbiCodec.Encode("bytes,string,uint256", values)), Hex.Encode(evm));
    }

    [Fact]
    public async Task Static_Arrays_Of_Every_Type_Encode_Exactly_As_Solidity_Does()
    {
        object?[] values =
        [
            new object?[] { BigInteger.One, (BigInteger.One << 256) - 1 },
            new object?[] { new BigInteger(-1), new BigInteger(5), -(BigInteger.One << 255) },
            new object?[] { Alice, Bob },
            new object?[] { true, false },
            Array.Empty<object?>(),
        ];

        var evm = await EchoAsync("echoArrays(uint256[],int256[],address[],bool[],bytes32[])", values);

        Assert.Equal(Hex.Encode(AbiCodec.Encode("uint256[],int256[],address[],bool[],bytes32[]", values)), Hex.Encode(evm));
    }

    [Fact]
    public async Task Arrays_Of_Dynamic_Types_Encode_Exactly_As_Solidity_Does()
    {
        object?[] values =
        [
            new object?[] { "flo", "", "a string that spans more than thirty-two bytes" },
            new object?[] { new byte[] { 1, 2, 3 }, Array.Empty<byte>() },
            new object?[] { new BigInteger(255), BigInteger.Zero },
        ];

        var evm = await EchoAsync("echoDynamicArrays(string[],bytes[],uint8[])", values);

        Assert.Equal(Hex.Encode(AbiCodec.Encode("string[],bytes[],uint8[]", values)), Hex.Encode(evm));
    }

    [Fact]
    public async Task A_Vector_Built_Inside_The_Evm_Matches_Our_Encoding_Of_The_Same_Values()
    {
        var evm = await EchoAsync("fixedVector()", []);

        var ours = AbiCodec.Encode(
            "uint256,int256,address,bool,bytes32,string,bytes,uint256[],string[]",
            new BigInteger(1_000_000), new BigInteger(-42), Alice, true, Keccak256.Hash("flo"), "hello, world",
            Hex.Decode("0xdeadbeef"), new object?[] { BigInteger.One, new BigInteger(2), (BigInteger.One << 256) - 1 }, new object?[] { "flo", "" });
        Assert.Equal(Hex.Encode(ours), Hex.Encode(evm));
    }

    [Fact]
    public async Task Return_Values_Produced_By_The_Evm_Decode_To_The_Expected_Values()
    {
        var function = new AbiFunction("fixedValues()", "uint256,int256,address,bool,bytes32,string,bytes,int256[]");

        var values = function.DecodeOutput(await CallAsync(function.EncodeCall()));

        Assert.Equal((BigInteger.One << 256) - 1, values[0]);
        Assert.Equal(BigInteger.MinusOne, values[1]);
        Assert.Equal(Bob, values[2]);
        Assert.Equal(false, values[3]);
        Assert.Equal("0x" + new string('0', 58) + "abcdef", Hex.Encode((byte[])values[4]!));
        Assert.Equal("naïve ✓", values[5]);
        Assert.Empty((byte[])values[6]!);
        Assert.Equal([-(BigInteger.One << 255), new BigInteger(7)], ((object?[])values[7]!).Cast<BigInteger>());
    }

    [Fact]
    public async Task Events_Emitted_By_The_Evm_Decode_Into_Topics_And_Data()
    {
        var probed = new AbiEvent("Probed(address indexed sender, uint256 indexed id, string label, uint256[] values)");
        var sender = DevchainAccounts.Unlocked[9];
        var emit = new AbiFunction("emitProbe(uint256,string,uint256[])").EncodeCall(77, "label", new[] { 3, 4 });

        var receipt = await fixture.Base.Sender.SendAsync(new TransactionRequest(From: sender, To: _probe, Data: emit, Gas: 200_000), "emitProbe");
        var values = probed.Decode(Assert.Single(receipt.Logs));

        Assert.Equal(sender, values["sender"]);
        Assert.Equal(new BigInteger(77), values["id"]);
        Assert.Equal("label", values["label"]);
        Assert.Equal([new BigInteger(3), new BigInteger(4)], ((object?[])values["values"]!).Cast<BigInteger>());
    }

    private Task<byte[]> EchoAsync(string signature, object?[] values) =>
        CallAndUnwrapAsync(new AbiFunction(signature, "bytes").EncodeCall(values));

    private async Task<byte[]> CallAndUnwrapAsync(byte[] data) => (byte[])AbiCodec.Decode("bytes", await CallAsync(data))[0]!;

    private Task<byte[]> CallAsync(byte[] data) => fixture.Base.Rpc.EthCallAsync(new TransactionRequest(To: _probe, Data: data));
}
