using System.Text.Json;

namespace FloSandbox.Devchain.Rpc;

/// <summary>The outcome of one request in a batch: a result or an error.</summary>
/// <param name="Result">The <c>result</c> member when the request succeeded.</param>
/// <param name="Error">The error when it failed.</param>
public sealed record JsonRpcResult(JsonElement? Result, JsonRpcException? Error)
{
    /// <summary>The result, or throws the request's <see cref="JsonRpcException"/>.</summary>
    public JsonElement GetResult() => Error is not null ? throw Error : Result!.Value;
}
