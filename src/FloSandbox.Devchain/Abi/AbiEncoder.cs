using System.Collections;
using System.Numerics;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Abi;

/// <summary>Head/tail encoding of the Solidity contract ABI for the types in <see cref="AbiTypeKind"/>.</summary>
internal static class AbiEncoder
{
    private const int Word = 32;

    public static byte[] EncodeTuple(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"Expected {types.Count} ABI values, got {values.Count}.", nameof(values));
        }

        var headSize = Word * types.Count;
        var heads = new byte[headSize];
        var tails = new byte[types.Count][];
        var tailSize = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var head = heads.AsSpan(i * Word, Word);
            if (types[i].IsDynamic)
            {
                WriteUInt(head, new BigInteger(headSize + tailSize));
                tails[i] = EncodeDynamic(types[i], values[i], i);
                tailSize += tails[i].Length;
            }
            else
            {
                WriteStatic(types[i], values[i], head, i);
            }
        }

        var result = new byte[headSize + tailSize];
        heads.CopyTo(result, 0);
        var offset = headSize;
        foreach (var tail in tails)
        {
            if (tail is null)
            {
                continue;
            }

            tail.CopyTo(result, offset);
            offset += tail.Length;
        }

        return result;
    }

    private static byte[] EncodeDynamic(AbiType type, object? value, int position)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
                return EncodeLengthPrefixed(System.Text.Encoding.UTF8.GetBytes(Expect<string>(type, value, position)));
            case AbiTypeKind.Bytes:
                return EncodeLengthPrefixed(BytesOf(type, value, position));
            default:
                var items = ItemsOf(type, value, position);
                var element = type.Element!;
                var body = EncodeTuple(Enumerable.Repeat(element, items.Count).ToArray(), items);
                var result = new byte[Word + body.Length];
                WriteUInt(result.AsSpan(0, Word), items.Count);
                body.CopyTo(result, Word);
                return result;
        }
    }

    private static byte[] EncodeLengthPrefixed(byte[] data)
    {
        var padded = (data.Length + Word - 1) / Word * Word;
        var result = new byte[Word + padded];
        WriteUInt(result.AsSpan(0, Word), data.Length);
        data.CopyTo(result, Word);
        return result;
    }

    private static void WriteStatic(AbiType type, object? value, Span<byte> head, int position)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                var unsigned = IntegerOf(type, value, position);
                if (unsigned.Sign < 0 || unsigned.GetBitLength() > type.Size)
                {
                    throw OutOfRange(type, value, position);
                }

                WriteUInt(head, unsigned);
                break;
            case AbiTypeKind.Int:
                var signed = IntegerOf(type, value, position);
                var limit = BigInteger.One << (type.Size - 1);
                if (signed < -limit || signed >= limit)
                {
                    throw OutOfRange(type, value, position);
                }

                head.Fill(signed.Sign < 0 ? (byte)0xFF : (byte)0);
                var bytes = signed.ToByteArray(isUnsigned: false, isBigEndian: true);
                bytes.CopyTo(head[(Word - bytes.Length)..]);
                break;
            case AbiTypeKind.Address:
                var address = value switch
                {
                    EvmAddress a => a,
                    string s => EvmAddress.Parse(s),
                    _ => throw WrongType(type, value, position),
                };
                address.CopyTo(head[(Word - EvmAddress.Size)..]);
                break;
            case AbiTypeKind.Bool:
                head[Word - 1] = Expect<bool>(type, value, position) ? (byte)1 : (byte)0;
                break;
            case AbiTypeKind.FixedBytes:
                var fixedBytes = BytesOf(type, value, position);
                if (fixedBytes.Length != type.Size)
                {
                    throw new ArgumentException($"ABI value {position} ({type}) must be {type.Size} bytes, got {fixedBytes.Length}.");
                }

                fixedBytes.CopyTo(head);
                break;
            default:
                throw new InvalidOperationException($"{type} is not a static type.");
        }
    }

    internal static void WriteUInt(Span<byte> word, BigInteger value)
    {
        word.Clear();
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word[(Word - bytes.Length)..]);
    }

    private static BigInteger IntegerOf(AbiType type, object? value, int position) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte by => by,
        sbyte sb => sb,
        _ => throw WrongType(type, value, position),
    };

    private static byte[] BytesOf(AbiType type, object? value, int position) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        Memory<byte> memory => memory.ToArray(),
        _ => throw WrongType(type, value, position),
    };

    private static IReadOnlyList<object?> ItemsOf(AbiType type, object? value, int position) => value switch
    {
        IReadOnlyList<object?> list => list,
        IEnumerable sequence and not string and not byte[] => sequence.Cast<object?>().ToArray(),
        _ => throw WrongType(type, value, position),
    };

    private static T Expect<T>(AbiType type, object? value, int position) =>
        value is T typed ? typed : throw WrongType(type, value, position);

    private static ArgumentException WrongType(AbiType type, object? value, int position) =>
        new($"ABI value {position} ({type}) cannot be encoded from {(value is null ? "null" : value.GetType().Name)}.");

    private static ArgumentOutOfRangeException OutOfRange(AbiType type, object? value, int position) =>
        new($"value{position}", value, $"ABI value {position} does not fit in {type}.");
}
