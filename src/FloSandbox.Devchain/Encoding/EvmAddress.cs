using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Nethereum.Util;

namespace FloSandbox.Devchain.Encoding;

/// <summary>
/// A 20-byte EVM account or contract address, a value type over Nethereum's address utilities (EIP-55 checksums).
/// Parses hex case-insensitively; <see cref="ToString"/> gives the EIP-55 checksummed form and
/// <see cref="ToLowerHex"/> the lower-case form (what JSON-RPC nodes and Nethereum's encoders take).
/// </summary>
public readonly struct EvmAddress : IEquatable<EvmAddress>, IParsable<EvmAddress>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private readonly AddressBytes _bytes;

    private EvmAddress(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <summary>The zero address (<c>0x0000…0000</c>), also the value of <c>default(EvmAddress)</c>.</summary>
    public static EvmAddress Zero => default;

    /// <summary>True for the zero address.</summary>
    public bool IsZero => ((ReadOnlySpan<byte>)_bytes).IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    public static EvmAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An address is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new EvmAddress(bytes);
    }

    /// <summary>Parses <c>0x</c> followed by 40 hex digits in any case. Does not check an EIP-55 checksum; see <see cref="ParseChecksummed"/>.</summary>
    public static EvmAddress Parse(string s) =>
        TryParse(s, out var address) ? address : throw new FormatException($"Not an EVM address (0x + 40 hex digits): '{s}'.");

    /// <inheritdoc cref="Parse(string)"/>
    public static EvmAddress Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Like <see cref="Parse(string)"/>, but a mixed-case input must carry a valid EIP-55 checksum.</summary>
    public static EvmAddress ParseChecksummed(string s)
    {
        var address = Parse(s);
        if (!HasValidChecksum(s))
        {
            throw new FormatException($"EVM address '{s}' has an invalid EIP-55 checksum; expected '{address}'.");
        }

        return address;
    }

    /// <summary>Tries to parse <c>0x</c> followed by 40 hex digits in any case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out EvmAddress result)
    {
        result = default;
        if (s is null || s.Length != 2 + (Size * 2) || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(s.AsSpan(2), bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size)
        {
            return false;
        }

        result = new EvmAddress(bytes);
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out EvmAddress)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out EvmAddress result) => TryParse(s, out result);

    /// <summary>
    /// True when <paramref name="s"/> is an address whose letters are all lower case, all upper case
    /// (no checksum given), or mixed case matching EIP-55 exactly.
    /// </summary>
    public static bool HasValidChecksum(string? s)
    {
        if (!TryParse(s, out _))
        {
            return false;
        }

        var digits = s.AsSpan(2);
        var allLower = !digits.ContainsAnyInRange('A', 'F');
        var allUpper = !digits.ContainsAnyInRange('a', 'f');
        return allLower || allUpper || AddressUtil.Current.IsChecksumAddress(s);
    }

    /// <summary>The 20 address bytes.</summary>
    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    /// <summary>Copies the 20 address bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination) => ((ReadOnlySpan<byte>)_bytes).CopyTo(destination);

    /// <summary>The lower-case form, <c>0x</c> + 40 hex digits (what JSON-RPC nodes return).</summary>
    public string ToLowerHex() => "0x" + Convert.ToHexStringLower(_bytes);

    /// <summary>The EIP-55 checksummed form, e.g. <c>0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266</c>.</summary>
    public override string ToString() => AddressUtil.Current.ConvertToChecksumAddress(Convert.ToHexStringLower(_bytes));

    /// <inheritdoc/>
    public bool Equals(EvmAddress other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EvmAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Byte-wise equality.</summary>
    public static bool operator ==(EvmAddress left, EvmAddress right) => left.Equals(right);

    /// <summary>Byte-wise inequality.</summary>
    public static bool operator !=(EvmAddress left, EvmAddress right) => !left.Equals(right);

    [InlineArray(Size)]
    private struct AddressBytes
    {
        private byte _element;
    }
}
