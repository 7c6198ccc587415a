using System.Security.Cryptography;
using System.Text;

namespace FloSandbox.Core.Tenants;

public enum KeyScope
{
    Full,
    Read,
}

/// What the sandbox accepts as a key, and how it refers to one without revealing it.
public static class ApiKey
{
    public const string TestPrefix = "sk_test_";
    public const string LivePrefix = "sk_live_";
    public const int MinSecretLength = 8;
    public const int MaxSecretLength = 128;

    public enum Shape
    {
        Missing,
        Malformed,
        Live,
        Test,
    }

    /// Classifies the Authorization header value and extracts the key.
    public static Shape Classify(string? authorization, out string key)
    {
        key = "";
        if (string.IsNullOrEmpty(authorization))
        {
            return Shape.Missing;
        }
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return Shape.Malformed;
        }
        key = authorization[bearer.Length..].Trim();
        if (key.StartsWith(LivePrefix, StringComparison.Ordinal))
        {
            return Shape.Live;
        }
        return IsWellFormedTestKey(key) ? Shape.Test : Shape.Malformed;
    }

    public static bool IsWellFormedTestKey(string key)
    {
        if (!key.StartsWith(TestPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var secret = key.AsSpan(TestPrefix.Length);
        if (secret.Length is < MinSecretLength or > MaxSecretLength)
        {
            return false;
        }
        foreach (var c in secret)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    /// Keys are stored hashed; the sandbox never writes a full key to the ledger or the logs.
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// `sk_test_••a19c`, as the docs print keys.
    public static string Hint(string key) => key.Length <= 4 ? "••" : $"{key[..8]}••{key[^4..]}";

    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[24];
        RandomNumberGenerator.Fill(bytes);
        var secret = Convert.ToBase64String(bytes).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
        return TestPrefix + secret;
    }
}
