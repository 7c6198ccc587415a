namespace FloSandbox.Devchain.Abi;

/// <summary>
/// Entry points of the small ABI layer: encode and decode parameter lists. Supported types are
/// those of <see cref="AbiTypeKind"/> (integers as <see cref="System.Numerics.BigInteger"/>,
/// <see cref="Encoding.EvmAddress"/>, bool, <c>byte[]</c>, string, and dynamic arrays of them).
/// For calls, see <see cref="AbiFunction"/>; for logs, <see cref="AbiEvent"/>.
/// </summary>
public static class AbiCodec
{
    /// <summary>Encodes <paramref name="values"/> as the ABI tuple of <paramref name="types"/> (what <c>abi.encode</c> produces).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        return AbiEncoder.EncodeTuple(types, values);
    }

    /// <summary>Encodes values for a comma-separated type list, e.g. <c>Encode("address,uint256", to, amount)</c>.</summary>
    public static byte[] Encode(string types, params object?[] values) => Encode(AbiType.ParseList(types), values);

    /// <summary>Decodes an ABI tuple of <paramref name="types"/>; see <see cref="AbiTypeKind"/> for the .NET value of each type.</summary>
    /// <exception cref="FormatException">The data is too short, or a word is not a valid value of its type.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return AbiDecoder.DecodeTuple(types, data);
    }

    /// <summary>Decodes data for a comma-separated type list, e.g. <c>Decode("uint256,string", data)</c>.</summary>
    public static object?[] Decode(string types, ReadOnlySpan<byte> data) => Decode(AbiType.ParseList(types), data);
}
