using System.Globalization;
using System.Numerics;

namespace FloSandbox.Devchain.Encoding;

/// <summary>Hex helpers for the Ethereum JSON-RPC wire format (0x-prefixed, lower case).</summary>
public static class Hex
{
    /// <summary>Encodes bytes as lower-case hex, with a <c>0x</c> prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true) =>
        prefix ? string.Concat("0x", Convert.ToHexStringLower(bytes)) : Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with or without a <c>0x</c> prefix, in any case. Throws <see cref="FormatException"/> on odd length or a non-hex digit.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits: '{Truncate(hex)}'.");
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException($"Not a hex string: '{Truncate(hex)}'.");
        }
    }

    /// <summary>Encodes a non-negative integer as a JSON-RPC quantity: minimal hex digits, <c>0x0</c> for zero.</summary>
    public static string EncodeQuantity(ulong value) => string.Concat("0x", value.ToString("x", CultureInfo.InvariantCulture));

    /// <summary>Encodes a non-negative integer as a JSON-RPC quantity: minimal hex digits, <c>0x0</c> for zero.</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A quantity cannot be negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return string.Concat("0x", Convert.ToHexStringLower(bytes).TrimStart('0'));
    }

    /// <summary>Decodes a JSON-RPC quantity (<c>0x</c> followed by hex digits) as an unsigned integer.</summary>
    public static BigInteger DecodeQuantity(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var digits = StripPrefix(quantity);
        if (digits.Length == 0)
        {
            throw new FormatException($"Not a hex quantity: '{Truncate(quantity)}'.");
        }

        if (!BigInteger.TryParse(string.Concat("0", digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Not a hex quantity: '{Truncate(quantity)}'.");
        }

        return value;
    }

    /// <summary>Decodes a JSON-RPC quantity that must fit in 64 bits (block numbers, gas, nonces, chain ids).</summary>
    public static ulong DecodeQuantityUInt64(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var digits = StripPrefix(quantity);
        if (digits.Length is 0 or > 16 || !ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Not a 64-bit hex quantity: '{Truncate(quantity)}'.");
        }

        return value;
    }

    private static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    private static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
