using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Abi;

/// <summary>A contract function: canonical signature, selector, argument and return types.</summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    /// <summary>Creates a function from its canonical signature and comma-separated return types.</summary>
    /// <param name="signature">For example <c>transfer(address,uint256)</c>.</param>
    /// <param name="outputs">For example <c>bool</c>; empty when the function returns nothing.</param>
    public AbiFunction(string signature, string outputs = "")
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !signature.EndsWith(')'))
        {
            throw new FormatException($"Not a function signature: '{signature}'.");
        }

        Name = signature[..open];
        Inputs = AbiType.ParseList(signature[(open + 1)..^1]);
        Outputs = AbiType.ParseList(outputs);
        Signature = $"{Name}({string.Join(',', Inputs.Select(t => t.Name))})";
        _selector = Keccak256.FunctionSelector(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The canonical signature the selector is computed from.</summary>
    public string Signature { get; }

    /// <summary>Argument types.</summary>
    public IReadOnlyList<AbiType> Inputs { get; }

    /// <summary>Return types.</summary>
    public IReadOnlyList<AbiType> Outputs { get; }

    /// <summary>The 4-byte selector (first bytes of keccak256 of the signature).</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>Call data: selector followed by the ABI-encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments)
    {
        var encoded = AbiEncoder.EncodeTuple(Inputs, arguments);
        var data = new byte[4 + encoded.Length];
        _selector.CopyTo(data, 0);
        encoded.CopyTo(data, 4);
        return data;
    }

    /// <summary>Decodes the return data of a call.</summary>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.DecodeTuple(Outputs, returnData);

    /// <summary>Decodes a single return value of type <typeparamref name="T"/>.</summary>
    public T DecodeSingle<T>(ReadOnlySpan<byte> returnData)
    {
        var values = DecodeOutput(returnData);
        return values.Length == 1 && values[0] is T value
            ? value
            : throw new InvalidOperationException($"{Signature} does not return a single {typeof(T).Name}.");
    }

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
