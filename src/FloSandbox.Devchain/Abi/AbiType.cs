using System.Globalization;

namespace FloSandbox.Devchain.Abi;

/// <summary>The kinds of Solidity ABI types this layer supports.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint8</c> … <c>uint256</c>; .NET value <see cref="System.Numerics.BigInteger"/>.</summary>
    UInt,

    /// <summary><c>int8</c> … <c>int256</c>; .NET value <see cref="System.Numerics.BigInteger"/>.</summary>
    Int,

    /// <summary><c>address</c>; .NET value <see cref="Encoding.EvmAddress"/>.</summary>
    Address,

    /// <summary><c>bool</c>; .NET value <see cref="bool"/>.</summary>
    Bool,

    /// <summary><c>bytes1</c> … <c>bytes32</c>; .NET value <c>byte[]</c> of exactly that length.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>; .NET value <c>byte[]</c>.</summary>
    Bytes,

    /// <summary><c>string</c>; .NET value <see cref="string"/> (UTF-8 on the wire).</summary>
    String,

    /// <summary><c>T[]</c>; .NET value a list of the element's values (decoded as <c>object?[]</c>).</summary>
    Array,
}

/// <summary>A parsed Solidity ABI type such as <c>uint256</c>, <c>bytes32</c> or <c>string[]</c>.</summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, string name)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Name = name;
    }

    /// <summary>The kind of type.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bit width for integers, byte length for fixed bytes, 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element type of an array, otherwise null.</summary>
    public AbiType? Element { get; }

    /// <summary>The canonical name, as used in signatures (<c>uint256</c>, <c>address[]</c>).</summary>
    public string Name { get; }

    /// <summary>True when the encoding lives in the tail (bytes, string, arrays).</summary>
    public bool IsDynamic => Kind is AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array;

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = Parse("uint256");

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = Parse("address");

    /// <summary>Parses a canonical type name. <c>uint</c> and <c>int</c> mean the 256-bit types.</summary>
    /// <exception cref="FormatException">Unknown or unsupported type (tuples and fixed-size arrays are not supported).</exception>
    public static AbiType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = Parse(text[..^2]);
            return new AbiType(AbiTypeKind.Array, 0, element, element.Name + "[]");
        }

        return text switch
        {
            "address" => new AbiType(AbiTypeKind.Address, 0, null, text),
            "bool" => new AbiType(AbiTypeKind.Bool, 0, null, text),
            "bytes" => new AbiType(AbiTypeKind.Bytes, 0, null, text),
            "string" => new AbiType(AbiTypeKind.String, 0, null, text),
            "uint" => new AbiType(AbiTypeKind.UInt, 256, null, "uint256"),
            "int" => new AbiType(AbiTypeKind.Int, 256, null, "int256"),
            _ when text.StartsWith("uint", StringComparison.Ordinal) => Sized(AbiTypeKind.UInt, text, 4, 8, 256, 8),
            _ when text.StartsWith("int", StringComparison.Ordinal) => Sized(AbiTypeKind.Int, text, 3, 8, 256, 8),
            _ when text.StartsWith("bytes", StringComparison.Ordinal) => Sized(AbiTypeKind.FixedBytes, text, 5, 1, 32, 1),
            _ => throw new FormatException($"Unsupported ABI type '{name}'."),
        };
    }

    /// <summary>Parses a comma-separated type list such as <c>address,uint256</c> (empty for none).</summary>
    public static IReadOnlyList<AbiType> ParseList(string types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return string.IsNullOrWhiteSpace(types)
            ? []
            : types.Split(',').Select(Parse).ToArray();
    }

    private static AbiType Sized(AbiTypeKind kind, string text, int prefixLength, int min, int max, int step)
    {
        var digits = text.AsSpan(prefixLength);
        if (digits.Length == 0 || digits[0] == '0'
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size < min || size > max || size % step != 0)
        {
            throw new FormatException($"Unsupported ABI type '{text}'.");
        }

        return new AbiType(kind, size, null, text);
    }

    /// <inheritdoc/>
    public bool Equals(AbiType? other) => other is not null && Name == other.Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc/>
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
