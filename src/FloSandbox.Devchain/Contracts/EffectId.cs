using System.Runtime.CompilerServices;
using Nethereum.Util;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// The id of one on-chain effect of an order (its mint, its payment, its refund...): 32 bytes the factory
/// records in the transaction that applies the effect and refuses ever after, so settling an order step
/// twice (after a crash, a retry) can never apply it twice. <see cref="ToString"/> gives 0x-prefixed hex.
/// </summary>
public readonly struct EffectId : IEquatable<EffectId>
{
    /// <summary>Size of an effect id in bytes (a Solidity <c>bytes32</c>).</summary>
    public const int Size = 32;

    private readonly IdBytes _bytes;

    private EffectId(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <summary>keccak256(utf8("flo:" + <paramref name="orderId"/> + ":" + <paramref name="step"/>)): the same order and step always give the same id.</summary>
    /// <param name="orderId">The order's id, e.g. <c>mint_…</c>.</param>
    /// <param name="step">The effect within the order, e.g. <c>mint</c>, <c>collect</c>, <c>refund</c>; without a colon, so no two (order, step) pairs give one text.</param>
    public static EffectId For(string orderId, string step)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(step);
        if (step.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An effect step has no colon; got \"{step}\".", nameof(step));
        }

        return new EffectId(Sha3Keccack.Current.CalculateHashAsBytes($"flo:{orderId}:{step}"));
    }

    /// <summary>A fresh random id, for an operator effect that belongs to no order (a repair, a test).</summary>
    public static EffectId NewRandom() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Size));

    /// <summary>Creates an id from exactly 32 bytes.</summary>
    public static EffectId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size ? new EffectId(bytes) : throw new ArgumentException($"An effect id is {Size} bytes, got {bytes.Length}.", nameof(bytes));

    /// <summary>Parses <c>0x</c> followed by 64 hex digits.</summary>
    public static EffectId Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return hex.Length == 2 + (2 * Size) && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? FromBytes(Convert.FromHexString(hex.AsSpan(2)))
            : throw new FormatException($"Not an effect id (0x + 64 hex digits): '{hex}'.");
    }

    /// <summary>The 32 bytes.</summary>
    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    /// <summary>0x-prefixed lower-case hex, as the factory's <c>EffectApplied</c> topic shows it.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(_bytes);

    /// <inheritdoc/>
    public bool Equals(EffectId other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EffectId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Byte-wise equality.</summary>
    public static bool operator ==(EffectId left, EffectId right) => left.Equals(right);

    /// <summary>Byte-wise inequality.</summary>
    public static bool operator !=(EffectId left, EffectId right) => !left.Equals(right);

    [InlineArray(Size)]
    private struct IdBytes
    {
        private byte _element;
    }
}
