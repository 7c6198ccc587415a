using System.Security.Cryptography;

namespace FloSandbox.Core.Ids;

/// Prefixed, random, URL-safe identifiers: `req_0a4921pQ9mR3nV`.
public static class FloIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 14;

    public static string New(string prefix) => string.Create(prefix.Length + 1 + RandomLength, prefix, static (span, p) =>
    {
        p.AsSpan().CopyTo(span);
        span[p.Length] = '_';
        var random = span[(p.Length + 1)..];
        Span<byte> bytes = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(bytes);
        for (var i = 0; i < random.Length; i++)
        {
            // 248 = 4 * 62: values above it are re-drawn so every character is equally likely.
            var b = bytes[i];
            while (b >= 248)
            {
                b = (byte)RandomNumberGenerator.GetInt32(256);
            }
            random[i] = Alphabet[b % 62];
        }
    });
}
