using System.Globalization;
using System.Security.Cryptography;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// The id of one on-chain effect (a mint, a payment, a refund...): a 32-byte <see cref="Domain"/> and an <see cref="Index"/>
/// in it. The factory records the effect in the transaction that applies it, as one bit of a bitmap (256 to a storage word),
/// and refuses it ever after, so settling an order step twice (after a crash, a retry) can never apply it twice.
/// <see cref="ToString"/> gives <c>0x&lt;domain hex&gt;/&lt;index&gt;</c>.
/// </summary>
public readonly struct EffectId : IEquatable<EffectId>
{
    /// <summary>Size of a domain in bytes (a Solidity <c>bytes32</c>).</summary>
    public const int DomainSize = 32;

    /// <summary>Slots of an order's index: <see cref="EffectStep"/> values are below it.</summary>
    public const int StepsPerSequence = 8;

    private static readonly byte[] ZeroDomain = new byte[DomainSize];
    private readonly byte[]? _domain;

    /// <summary>Creates the id of effect <paramref name="index"/> of <paramref name="domain"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="domain"/> is not 32 bytes.</exception>
    public EffectId(ReadOnlySpan<byte> domain, ulong index)
    {
        if (domain.Length != DomainSize)
        {
            throw new ArgumentOutOfRangeException(nameof(domain), domain.Length, $"An effect domain is {DomainSize} bytes.");
        }

        _domain = domain.ToArray();
        Index = index;
    }

    /// <summary>The domain: whose numbering <see cref="Index"/> belongs to (a ledger's random id, for example).</summary>
    public ReadOnlyMemory<byte> Domain => _domain ?? ZeroDomain;

    /// <summary>The effect's number in its domain: bit <c>Index &amp; 255</c> of storage word <c>Index &gt;&gt; 8</c>.</summary>
    public ulong Index { get; }

    /// <summary>
    /// Step <paramref name="step"/> of order <paramref name="sequence"/>: index <c>sequence * 8 + step</c> in
    /// <paramref name="domain"/>. Consecutive orders fill a storage word with 32 orders' effects.
    /// </summary>
    /// <param name="domain">32 bytes that no other numbering of orders shares (e.g. the ledger's random id).</param>
    /// <param name="sequence">The order's number, never reused in the domain.</param>
    /// <param name="step">The effect within the order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is negative, <paramref name="step"/> is not an <see cref="EffectStep"/>, or <paramref name="domain"/> is not 32 bytes.</exception>
    public static EffectId For(ReadOnlySpan<byte> domain, long sequence, EffectStep step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, long.MaxValue / StepsPerSequence);
        if ((uint)step >= StepsPerSequence || !Enum.IsDefined(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Not an effect step.");
        }

        return new EffectId(domain, ((ulong)sequence * StepsPerSequence) + (ulong)step);
    }

    /// <summary>A random domain, index 0: for an operator effect that belongs to no order (a repair, a test).</summary>
    public static EffectId NewRandom() => new(RandomNumberGenerator.GetBytes(DomainSize), 0);

    /// <summary>Parses what <see cref="ToString"/> gives: <c>0x</c>, 64 hex digits, <c>/</c>, a decimal index.</summary>
    /// <exception cref="FormatException">Not in that form.</exception>
    public static EffectId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const int slash = 2 + (2 * DomainSize);
        return text.Length > slash + 1 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text[slash] == '/'
            && IsHex(text.AsSpan(2, 2 * DomainSize))
            && ulong.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new EffectId(Convert.FromHexString(text.AsSpan(2, 2 * DomainSize)), index)
            : throw new FormatException($"Not an effect id (0x + 64 hex digits + / + index): '{text}'.");
    }

    /// <summary>The domain as 0x-prefixed lower-case hex, as the <c>EffectApplied</c> log's topic 1 shows it.</summary>
    public string DomainHex => "0x" + Convert.ToHexStringLower(Domain.Span);

    /// <summary><c>0x&lt;domain hex&gt;/&lt;index&gt;</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DomainHex}/{Index}");

    /// <inheritdoc/>
    public bool Equals(EffectId other) => Index == other.Index && Domain.Span.SequenceEqual(other.Domain.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EffectId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Domain.Span);
        hash.Add(Index);
        return hash.ToHashCode();
    }

    /// <summary>Equality of domain and index.</summary>
    public static bool operator ==(EffectId left, EffectId right) => left.Equals(right);

    /// <summary>Inequality of domain or index.</summary>
    public static bool operator !=(EffectId left, EffectId right) => !left.Equals(right);

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
