using Org.BouncyCastle.Crypto.Digests;

namespace FloSandbox.Devchain.Encoding;

/// <summary>Ethereum's Keccak-256 (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>Size of a Keccak-256 digest in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashSize];
        Hash(data, hash);
        return hash;
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }

        // Portable.BouncyCastle has no span overloads, so the input goes through one array copy.
        var digest = new KeccakDigest(256);
        var input = data.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[HashSize];
        digest.DoFinal(output, 0);
        output.CopyTo(destination);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hash(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The 4-byte function selector of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    public static byte[] FunctionSelector(string signature) => Hash(signature)[..4];
}
