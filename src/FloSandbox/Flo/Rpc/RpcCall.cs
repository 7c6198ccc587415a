using System.Text.Json;

namespace FloSandbox.Flo.Rpc;

/// One entry of a `/rpc` body, checked against the JSON-RPC 2.0 Request object. <see cref="Id"/> is the
/// id's JSON text exactly as sent (null for a notification); an entry that is not a valid Request has a
/// <see cref="Problem"/> and the id to answer with (`null` when its own id cannot be used).
/// <see cref="NodeIdKey"/> is how the node tells this id apart: Anvil reads ids as 64-bit integers or
/// strings; null when the node could not echo it faithfully.
public sealed record RpcCall(int Index, string? Id, string? Method, JsonElement? Params, string? Problem, string? NodeIdKey = null)
{
    public bool IsNotification => Id is null;

    public static RpcCall Read(int index, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return Invalid(index, "null", $"a request must be a JSON object, not {Kind(entry)}");
        }

        string? id = null;
        string? nodeIdKey = null;
        if (entry.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            {
                return Invalid(index, "null", $"id must be a string, a number or null, not {Kind(idElement)}");
            }
            id = idElement.GetRawText();
            nodeIdKey = idElement switch
            {
                { ValueKind: JsonValueKind.Null } => "null",
                { ValueKind: JsonValueKind.Number } when idElement.TryGetInt64(out var number) => "n" + number,
                { ValueKind: JsonValueKind.String } when !id.Contains('\\') => "s" + id,
                _ => null,
            };
        }

        var answerId = id ?? "null";
        if (!entry.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
        {
            return Invalid(index, answerId, "jsonrpc must be \"2.0\"");
        }
        if (!entry.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
        {
            return Invalid(index, answerId, "method must be a string");
        }
        if (TryGetString(methodElement) is not { Length: > 0 } method)
        {
            return Invalid(index, answerId, "method must be a non-empty string of valid Unicode");
        }

        JsonElement? parameters = null;
        if (entry.TryGetProperty("params", out var paramsElement))
        {
            if (paramsElement.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null))
            {
                return Invalid(index, answerId, $"params must be an array or an object, not {Kind(paramsElement)}");
            }
            parameters = paramsElement;
        }
        return new RpcCall(index, id, method, parameters, null, nodeIdKey);
    }

    /// The string value, or null when its escapes do not make valid UTF-16 (a lone surrogate).
    public static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static RpcCall Invalid(int index, string id, string problem) => new(index, id, null, null, problem);

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
