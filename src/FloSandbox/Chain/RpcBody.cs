using System.Text.Json;
using System.Text.Unicode;
using FloSandbox.Platform.Errors;

namespace FloSandbox.Chain;

/// A `/rpc` body parsed once: a single request or a batch, each entry checked. A body that is not strict
/// JSON (invalid UTF-8, a duplicate key, comments, trailing text) could be read differently by the node
/// than by the allow-list, so it is a 400 `invalid_request` and nothing is forwarded.
public sealed class RpcBody : IDisposable
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };
    private readonly JsonDocument _document;

    private RpcBody(JsonDocument document, bool isBatch, IReadOnlyList<RpcCall> calls)
    {
        _document = document;
        IsBatch = isBatch;
        Calls = calls;
    }

    public bool IsBatch { get; }

    /// The entries in request order. Empty only for an empty batch (`[]`), which JSON-RPC answers with one error.
    public IReadOnlyList<RpcCall> Calls { get; }

    public static RpcBody Parse(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            throw FloException.Invalid("body", "The request body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Strict);
        }
        catch (JsonException ex)
        {
            throw FloException.Invalid("body", $"The request body is not valid JSON: {ex.Message.Split(" Path:")[0]}");
        }

        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? new RpcBody(document, true, [.. root.EnumerateArray().Select((entry, i) => RpcCall.Read(i, entry))])
            : new RpcBody(document, false, [RpcCall.Read(0, root)]);
    }

    public void Dispose() => _document.Dispose();
}
