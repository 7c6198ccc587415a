using System.Collections.Concurrent;
using System.Text.Json;
using FloSandbox.Devchain.Encoding;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

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
        ContractAbi = new ABIJsonDeserialiser().DeserialiseContract(abi.GetRawText());
        _bytecode = bytecode;
        _deployedBytecode = deployedBytecode;
        InitCodeHash = Sha3Keccack.Current.CalculateHash(bytecode);
    }

    /// <summary>The Solidity contract name.</summary>
    public string ContractName { get; }

    /// <summary>The ABI as produced by solc.</summary>
    public JsonElement Abi { get; }

    /// <summary>The ABI as Nethereum reads it: functions, events, errors and the constructor.</summary>
    public ContractABI ContractAbi { get; }

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
            root.GetProperty("bytecode").GetString()!.HexToByteArray(),
            root.GetProperty("deployedBytecode").GetString()!.HexToByteArray());
    }

    /// <summary>
    /// Init code followed by the ABI-encoded constructor arguments: the data of a deployment transaction.
    /// Addresses may be given as <see cref="EvmAddress"/>.
    /// </summary>
    public byte[] DeploymentData(params object?[] constructorArguments)
    {
        ArgumentNullException.ThrowIfNull(constructorArguments);
        var parameters = ContractAbi.Constructor?.InputParameters ?? [];
        if (parameters.Length != constructorArguments.Length)
        {
            throw new ArgumentException($"{ContractName}'s constructor takes {parameters.Length} arguments, got {constructorArguments.Length}.", nameof(constructorArguments));
        }

        var values = constructorArguments.Select(value => value is EvmAddress address ? address.ToLowerHex() : value).ToArray();
        return new ConstructorCallEncoder().EncodeRequest(_bytecode.ToHex(), parameters, values!).HexToByteArray();
    }

    /// <summary>Canonical signatures of the ABI's functions, e.g. <c>mint(address,uint256)</c>.</summary>
    public IEnumerable<string> FunctionSignatures() => ContractAbi.Functions.Select(f => f.Signature);

    /// <summary>Canonical signatures of the ABI's custom errors, e.g. <c>NotOperator(address)</c>.</summary>
    public IEnumerable<string> ErrorSignatures() => (ContractAbi.Errors ?? []).Select(e => e.Signature);

    /// <summary>Canonical signatures of the ABI's events, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public IEnumerable<string> EventSignatures() => ContractAbi.Events.Select(e => e.Signature);
}
