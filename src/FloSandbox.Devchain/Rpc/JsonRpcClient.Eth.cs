using System.Numerics;
using System.Text.Json;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Rpc;

/// <summary>Typed <c>eth_*</c> methods.</summary>
public sealed partial class JsonRpcClient
{
    /// <summary><c>eth_chainId</c>.</summary>
    public Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        CallAsync("eth_chainId", null, RpcJson.GetUInt64, cancellationToken);

    /// <summary><c>eth_blockNumber</c>.</summary>
    public Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        CallAsync("eth_blockNumber", null, RpcJson.GetUInt64, cancellationToken);

    /// <summary><c>eth_sendTransaction</c> from an unlocked account; returns the transaction hash.</summary>
    public Task<string> SendTransactionAsync(TransactionRequest transaction, CancellationToken cancellationToken = default) =>
        CallAsync("eth_sendTransaction", [transaction], RpcJson.GetString, cancellationToken);

    /// <summary>
    /// <c>eth_sendTransactionSync</c> (EIP-7966, supported by Anvil): sends from an unlocked account and
    /// returns the receipt in the same round trip. Prefer <see cref="TransactionSender"/>, which
    /// serializes per sender and falls back for nodes without the method.
    /// </summary>
    public Task<TransactionReceipt> SendTransactionSyncAsync(TransactionRequest transaction, CancellationToken cancellationToken = default) =>
        CallAsync("eth_sendTransactionSync", [transaction], RpcJson.ParseReceipt, cancellationToken);

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        CallAsync<TransactionReceipt?>(
            "eth_getTransactionReceipt",
            [transactionHash],
            static result => result.ValueKind == JsonValueKind.Null ? null : RpcJson.ParseReceipt(result),
            cancellationToken);

    /// <summary><c>eth_call</c>: executes without a transaction and returns the return data. A revert throws <see cref="JsonRpcException"/> with the revert data.</summary>
    public Task<byte[]> EthCallAsync(TransactionRequest call, string block = BlockTag.Latest, CancellationToken cancellationToken = default) =>
        CallAsync("eth_call", [call, block], RpcJson.GetBytes, cancellationToken);

    /// <summary>
    /// <c>eth_call</c> with <paramref name="code"/> placed at some addresses for this call only (the
    /// state override set, <c>eth_call</c>'s third parameter): runs code that no chain holds.
    /// </summary>
    public Task<byte[]> EthCallAsync(
        TransactionRequest call, IReadOnlyDictionary<EvmAddress, byte[]> code, string block = BlockTag.Latest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return CallAsync("eth_call", [call, block, RpcJson.CodeOverrides(code)], RpcJson.GetBytes, cancellationToken);
    }

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public Task<BigInteger> GetBalanceAsync(EvmAddress address, string block = BlockTag.Latest, CancellationToken cancellationToken = default) =>
        CallAsync("eth_getBalance", [address, block], RpcJson.GetBigInteger, cancellationToken);

    /// <summary><c>eth_getCode</c>; empty for an account without code.</summary>
    public Task<byte[]> GetCodeAsync(EvmAddress address, string block = BlockTag.Latest, CancellationToken cancellationToken = default) =>
        CallAsync("eth_getCode", [address, block], RpcJson.GetBytes, cancellationToken);

    /// <summary><c>eth_getTransactionCount</c>: the account's nonce.</summary>
    public Task<ulong> GetTransactionCountAsync(EvmAddress address, string block = BlockTag.Latest, CancellationToken cancellationToken = default) =>
        CallAsync("eth_getTransactionCount", [address, block], RpcJson.GetUInt64, cancellationToken);

    /// <summary><c>eth_getLogs</c>.</summary>
    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<LogEntry>>(
            "eth_getLogs",
            [filter],
            static result => result.EnumerateArray().Select(RpcJson.ParseLog).ToArray(),
            cancellationToken);
}
