using System.Text.Json;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Rpc;

/// <summary>Turns a JSON-RPC error reply into a <see cref="JsonRpcException"/>, extracting revert data where the node gives it.</summary>
internal static class JsonRpcErrors
{
    public static JsonRpcException FromReply(string method, JsonElement reply)
    {
        if (reply.ValueKind != JsonValueKind.Object || !reply.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return new JsonRpcException(method, -32603, $"malformed reply: {JsonRpcClient.Truncate(reply.GetRawText())}", null, null, null);
        }

        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : -32603;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
        var revertData = data is { } value ? RevertDataOf(value) : null;
        return new JsonRpcException(method, code, message, data, revertData, revertData is null ? null : RevertDecoder.Describe(revertData));
    }

    private static byte[]? RevertDataOf(JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var nested))
        {
            return RevertDataOf(nested);
        }

        return data.ValueKind == JsonValueKind.String && data.GetString() is { } text && text.StartsWith("0x", StringComparison.Ordinal)
            ? TryDecodeHex(text)
            : null;
    }

    private static byte[]? TryDecodeHex(string text)
    {
        try
        {
            return Hex.Decode(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
