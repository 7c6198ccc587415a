namespace FloSandbox.Flo.Rpc;

/// An answer `/rpc` gives itself instead of the node: a JSON-RPC error object, or a result it knows.
public sealed record RpcReply(int? Code, string? Message, string? ResultJson)
{
    /// JSON-RPC 2.0: the entry is not a valid Request object (or the body is an empty batch).
    public const int InvalidRequest = -32600;

    /// JSON-RPC 2.0: the method is not offered, here because it is not on the allow-list.
    public const int MethodNotFound = -32601;

    /// JSON-RPC 2.0: the parameters cannot be used (a raw transaction that does not decode).
    public const int InvalidParams = -32602;

    /// JSON-RPC 2.0 internal error: the node gave no answer for a forwarded request.
    public const int InternalError = -32603;

    /// EIP-1474 "Transaction rejected", as Anvil uses it: viem and ethers show it as a rejected transaction.
    public const int TransactionRejected = -32003;

    public static RpcReply Error(int code, string message) => new(code, message, null);

    public static RpcReply Result(string json) => new(null, null, json);

    public static RpcReply NotAllowed(string method) => Error(MethodNotFound,
        $"Method '{method}' is not on FloSandbox's /rpc allow-list: it forwards chain reads and eth_sendRawTransaction only, " +
        "nothing that signs, impersonates or rewrites the chain (see the README, \"/rpc allow-list\").");
}
