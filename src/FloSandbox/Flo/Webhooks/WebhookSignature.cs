using System.Security.Cryptography;
using System.Text;

namespace FloSandbox.Flo.Webhooks;

/// Signing exactly as the docs' `verify` expects: lower-case hex HMAC-SHA256, keyed with the UTF-8 bytes
/// of the subscription secret, over `"{timestamp}." + raw_body`.
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int MinSecretLength = 8;
    public const int MaxSecretLength = 256;

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// `whsec_` and 32 URL-safe random characters.
    public static string NewSecret()
    {
        Span<byte> bytes = stackalloc byte[24];
        RandomNumberGenerator.Fill(bytes);
        return SecretPrefix + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }
}
