using System.Collections.Concurrent;
using System.Text.Json;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// A compiled contract from <c>devchain/artifacts/&lt;Contract&gt;.json</c>: ABI, init code and runtime
/// code. The FloToken, FloTokenFactory and MockStablecoin artifacts are embedded in this assembly.
/// </summary>
public sealed class ContractArtifact
{
    private const string ResourcePrefix = "FloSandbox.Devchain.Artifacts.";
    private static readonly ConcurrentDictionary<string, ContractArtifact> Embedded = new(StringComparer.Ordinal);
    private readonly byte[] _bytecode;
    private readonly byte[] _deployedBytecode;

    private ContractArtifact(string contractName, JsonElement abi, byte[] bytecode, byte[] deployedBytecode)
    {
        ContractName = contractName;
        Abi = abi;
        _bytecode = bytecode;
        _deployedBytecode = deployedBytecode;
        InitCodeHash = Keccak256.Hash(bytecode);
    }

    /// <summary>The Solidity contract name.</summary>
    public string ContractName { get; }

    /// <summary>The ABI as produced by solc.</summary>
    public JsonElement Abi { get; }

    /// <summary>Init code (creation bytecode) without constructor arguments.</summary>
    public ReadOnlySpan<byte> Bytecode => _bytecode;

    /// <summary>Runtime code as compiled (immutables are zero-filled here; on chain they hold their values).</summary>
    public ReadOnlySpan<byte> DeployedBytecode => _deployedBytecode;

    /// <summary>keccak256 of <see cref="Bytecode"/>: the init code hash of CREATE2 for argument-less constructors.</summary>
    public ReadOnlyMemory<byte> InitCodeHash { get; }

    /// <summary>Names of the artifacts embedded in this assembly.</summary>
    public static IReadOnlyList<string> EmbeddedContractNames { get; } = typeof(ContractArtifact).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads an embedded artifact by contract name (cached).</summary>
    public static ContractArtifact Load(string contractName) => Embedded.GetOrAdd(contractName, static name =>
    {
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new InvalidOperationException($"No embedded artifact for contract '{name}'. Embedded: {string.Join(", ", EmbeddedContractNames)}.");
        return Parse(stream);
    });

    /// <summary>Parses an artifact file written by <c>devchain/compile.mjs</c>.</summary>
    public static ContractArtifact Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ContractArtifact(
            root.GetProperty("contractName").GetString()!,
            root.GetProperty("abi").Clone(),
            Hex.Decode(root.GetProperty("bytecode").GetString()!),
            Hex.Decode(root.GetProperty("deployedBytecode").GetString()!));
    }

    /// <summary>Init code followed by the ABI-encoded constructor arguments: the data of a deployment transaction.</summary>
    public byte[] DeploymentData(params object?[] constructorArguments)
    {
        var constructorTypes = Members("constructor").Select(InputTypes).FirstOrDefault() ?? [];
        var encoded = AbiCodec.Encode(constructorTypes, constructorArguments);
        return [.. _bytecode, .. encoded];
    }

    /// <summary>Canonical signatures of the ABI's functions, e.g. <c>mint(address,uint256)</c>.</summary>
    public IEnumerable<string> FunctionSignatures() => Members("function").Select(Signature);

    /// <summary>Canonical signatures of the ABI's custom errors, e.g. <c>NotOperator(address)</c>.</summary>
    public IEnumerable<string> ErrorSignatures() => Members("error").Select(Signature);

    /// <summary>Canonical signatures of the ABI's events, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public IEnumerable<string> EventSignatures() => Members("event").Select(Signature);

    private IEnumerable<JsonElement> Members(string kind) =>
        Abi.EnumerateArray().Where(member => member.GetProperty("type").GetString() == kind);

    private static IReadOnlyList<AbiType> InputTypes(JsonElement member) =>
        member.GetProperty("inputs").EnumerateArray().Select(input => AbiType.Parse(input.GetProperty("type").GetString()!)).ToArray();

    private static string Signature(JsonElement member) =>
        $"{member.GetProperty("name").GetString()}({string.Join(',', InputTypes(member).Select(t => t.Name))})";
}
