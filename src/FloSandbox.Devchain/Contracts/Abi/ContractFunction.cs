using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace FloSandbox.Devchain.Contracts.Abi;

/// <summary>
/// One function of a compiled contract, as its artifact's ABI declares it, encoded and decoded by Nethereum's
/// <see cref="FunctionCallEncoder"/> and <see cref="FunctionCallDecoder"/> from positional values. Nethereum's typed
/// function messages find their parameters by reflection on every call (about 0.1 ms for a factory mint, more than
/// the node takes to run it); this is the lean path the bindings use.
/// </summary>
internal sealed class ContractFunction
{
    private static readonly FunctionCallEncoder Encoder = new();
    private static readonly FunctionCallDecoder Decoder = new();
    private readonly FunctionABI _abi;

    private ContractFunction(FunctionABI abi) => _abi = abi;

    /// <summary>The function name, e.g. <c>mint</c>.</summary>
    public string Name => _abi.Name;

    /// <summary>The canonical signature, e.g. <c>mint(address,uint256)</c>.</summary>
    public string Signature => _abi.Signature;

    /// <summary>The function of <paramref name="contract"/>'s embedded artifact with this canonical <paramref name="signature"/>.</summary>
    public static ContractFunction Of(string contract, string signature) =>
        new(ContractArtifact.Load(contract).ContractAbi.Functions.SingleOrDefault(f => f.Signature == signature)
            ?? throw new InvalidOperationException($"{contract} has no function {signature}."));

    /// <summary>Call data: the selector and the ABI-encoded <paramref name="values"/>, as 0x-hex. Addresses are hex strings.</summary>
    public string Encode(params object[] values) => Encoder.EncodeRequest(_abi.Sha3Signature, _abi.InputParameters, values);

    /// <summary>The single return value of an <c>eth_call</c>'s 0x-hex <paramref name="output"/>.</summary>
    public T Decode<T>(string output) => Decoder.DecodeSimpleTypeOutput<T>(_abi.OutputParameters[0], output);
}
