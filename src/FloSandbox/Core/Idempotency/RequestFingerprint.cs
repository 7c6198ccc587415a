using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FloSandbox.Core.Idempotency;

/// What "the same request" means for idempotency: method, path, query and body. A JSON body (one the
/// strict check accepted) is compared by content (key order and whitespace do not matter), anything
/// else byte for byte.
public static class RequestFingerprint
{
    public static string Compute(string method, string pathAndQuery, byte[] body, bool json)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method} {pathAndQuery}\n"));
        hash.AppendData(json ? Canonical(body) : body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] Canonical(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(body.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, doc.RootElement);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
