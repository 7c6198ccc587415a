using System.Text.Json;
using FloSandbox.Flo.Platform.Json;
using FloSandbox.Flo.Platform.Pipeline;

namespace FloSandbox.Flo.Rpc;

/// A `/rpc` body parsed once: a single request or a batch, each entry checked. A body that is not strict
/// JSON (<see cref="StrictJson"/>: invalid UTF-8, a duplicate key, a lone surrogate, comments, trailing
/// text) could be read differently by the node than by the allow-list, so it is a 400 `invalid_request`
/// and nothing is forwarded.
public sealed class RpcBody : IDisposable
{
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

    /// Parses the body the request pipeline kept; one the pipeline did not check as JSON (curl's default
    /// form Content-Type, say) passes the same strict check here first.
    public static RpcBody Parse(RequestBody body)
    {
        if (!body.IsJson)
        {
            StrictJson.Validate(body.Bytes);
        }
        var document = JsonDocument.Parse(body.Bytes);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? new RpcBody(document, true, [.. root.EnumerateArray().Select((entry, i) => RpcCall.Read(i, entry))])
            : new RpcBody(document, false, [RpcCall.Read(0, root)]);
    }

    public void Dispose() => _document.Dispose();
}
