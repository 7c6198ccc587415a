using System.Numerics;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Abi;

/// <summary>Strict decoding of the Solidity contract ABI: bounds, padding and value ranges are checked.</summary>
internal static class AbiDecoder
{
    private const int Word = 32;

    public static object?[] DecodeTuple(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var values = new object?[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            var head = Slice(data, i * Word, Word, types[i]);
            if (types[i].IsDynamic)
            {
                var offset = ToInt32(head, types[i]);
                values[i] = DecodeDynamic(types[i], Slice(data, offset, data.Length - offset, types[i]));
            }
            else
            {
                values[i] = DecodeStatic(types[i], head);
            }
        }

        return values;
    }

    public static object DecodeStatic(AbiType type, ReadOnlySpan<byte> word)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                var unsigned = new BigInteger(word, isUnsigned: true, isBigEndian: true);
                return unsigned.GetBitLength() <= type.Size ? unsigned : throw Dirty(type);
            case AbiTypeKind.Int:
                var signed = new BigInteger(word, isUnsigned: false, isBigEndian: true);
                var limit = BigInteger.One << (type.Size - 1);
                return signed >= -limit && signed < limit ? signed : throw Dirty(type);
            case AbiTypeKind.Address:
                return word[..(Word - EvmAddress.Size)].IndexOfAnyExcept((byte)0) < 0
                    ? EvmAddress.FromBytes(word[(Word - EvmAddress.Size)..])
                    : throw Dirty(type);
            case AbiTypeKind.Bool:
                return word[..(Word - 1)].IndexOfAnyExcept((byte)0) < 0 && word[Word - 1] <= 1
                    ? word[Word - 1] == 1
                    : throw Dirty(type);
            case AbiTypeKind.FixedBytes:
                return word[type.Size..].IndexOfAnyExcept((byte)0) < 0 ? word[..type.Size].ToArray() : throw Dirty(type);
            default:
                throw new InvalidOperationException($"{type} is not a static type.");
        }
    }

    private static object DecodeDynamic(AbiType type, ReadOnlySpan<byte> region)
    {
        var length = ToInt32(Slice(region, 0, Word, type), type);
        if (type.Kind is AbiTypeKind.Bytes or AbiTypeKind.String)
        {
            var content = Slice(region, Word, length, type);
            return type.Kind == AbiTypeKind.String ? System.Text.Encoding.UTF8.GetString(content) : content.ToArray();
        }

        // Every element has a 32-byte head, so check the length against the data before allocating.
        if ((long)length * Word > region.Length - Word)
        {
            throw new FormatException($"ABI data too short for {length} elements of {type}.");
        }

        return DecodeTuple(Enumerable.Repeat(type.Element!, length).ToArray(), region[Word..]);
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, int offset, int length, AbiType type)
    {
        if (offset < 0 || length < 0 || offset > data.Length || length > data.Length - offset)
        {
            throw new FormatException($"ABI data too short while decoding {type} (need {length} bytes at offset {offset}, have {data.Length}).");
        }

        return data.Slice(offset, length);
    }

    private static int ToInt32(ReadOnlySpan<byte> word, AbiType type)
    {
        var value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
        return value <= int.MaxValue ? (int)value : throw new FormatException($"ABI offset or length out of range while decoding {type}.");
    }

    private static FormatException Dirty(AbiType type) => new($"ABI word is not a valid {type} (dirty high bits or padding).");
}
