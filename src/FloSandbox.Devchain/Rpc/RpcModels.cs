using System.Numerics;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Rpc;

/// <summary>Block tags accepted wherever a JSON-RPC method takes a block parameter.</summary>
public static class BlockTag
{
    /// <summary>The latest mined block.</summary>
    public const string Latest = "latest";

    /// <summary>The pending state (includes queued transactions).</summary>
    public const string Pending = "pending";

    /// <summary>The genesis block.</summary>
    public const string Earliest = "earliest";

    /// <summary>A block number as a hex quantity.</summary>
    public static string Number(ulong blockNumber) => Hex.EncodeQuantity(blockNumber);
}

/// <summary>Parameters of <c>eth_sendTransaction</c> / <c>eth_call</c>. Null members are left to the node.</summary>
/// <param name="From">Sender; must be an unlocked account for <c>eth_sendTransaction</c>. Optional for calls.</param>
/// <param name="To">Recipient; null deploys <see cref="Data"/> as init code.</param>
/// <param name="Data">Call data or init code.</param>
/// <param name="Value">Wei to send.</param>
/// <param name="Gas">Gas limit. Setting it skips the node's gas estimation, which saves an EVM execution per transaction.</param>
/// <param name="Nonce">Explicit nonce; null lets the node assign the next one.</param>
/// <param name="GasPrice">Legacy gas price in wei; null lets the node choose.</param>
public sealed record TransactionRequest(
    EvmAddress? From = null,
    EvmAddress? To = null,
    byte[]? Data = null,
    BigInteger? Value = null,
    ulong? Gas = null,
    ulong? Nonce = null,
    BigInteger? GasPrice = null);

/// <summary>A log emitted by a transaction.</summary>
/// <param name="Address">The emitting contract.</param>
/// <param name="Topics">Topics as 0x-prefixed lower-case hex; topic 0 is the event signature hash.</param>
/// <param name="Data">Non-indexed event data.</param>
/// <param name="BlockNumber">Block of the log (0 when pending).</param>
/// <param name="TransactionHash">Transaction that emitted it.</param>
/// <param name="LogIndex">Position of the log in its block.</param>
public sealed record LogEntry(
    EvmAddress Address,
    IReadOnlyList<string> Topics,
    ReadOnlyMemory<byte> Data,
    ulong BlockNumber,
    string TransactionHash,
    ulong LogIndex);

/// <summary>The receipt of a mined transaction.</summary>
/// <param name="TransactionHash">0x-prefixed transaction hash.</param>
/// <param name="BlockNumber">Block the transaction was mined in.</param>
/// <param name="BlockHash">Hash of that block.</param>
/// <param name="From">Sender.</param>
/// <param name="To">Recipient, null for a deployment.</param>
/// <param name="ContractAddress">Address of the created contract for a deployment, otherwise null.</param>
/// <param name="Succeeded">Receipt status: true for 1, false for a revert.</param>
/// <param name="GasUsed">Gas used by this transaction.</param>
/// <param name="EffectiveGasPrice">Wei paid per gas.</param>
/// <param name="Logs">Logs in emission order.</param>
public sealed record TransactionReceipt(
    string TransactionHash,
    ulong BlockNumber,
    string BlockHash,
    EvmAddress From,
    EvmAddress? To,
    EvmAddress? ContractAddress,
    bool Succeeded,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    IReadOnlyList<LogEntry> Logs);

/// <summary>Filter for <c>eth_getLogs</c>.</summary>
/// <param name="Addresses">Emitting contracts; empty or null for any.</param>
/// <param name="Topics">Topic filters by position; null entries match anything.</param>
/// <param name="FromBlock">First block (tag or hex quantity), default <c>earliest</c>.</param>
/// <param name="ToBlock">Last block (tag or hex quantity), default <c>latest</c>.</param>
public sealed record LogFilter(
    IReadOnlyList<EvmAddress>? Addresses = null,
    IReadOnlyList<string?>? Topics = null,
    string FromBlock = BlockTag.Earliest,
    string ToBlock = BlockTag.Latest);

/// <summary>One request of a JSON-RPC batch.</summary>
/// <param name="Method">Method name, e.g. <c>eth_getCode</c>.</param>
/// <param name="Params">Positional parameters (strings, numbers, bools, <see cref="EvmAddress"/>, <see cref="TransactionRequest"/>, <see cref="LogFilter"/>, <c>byte[]</c> as hex, or anything System.Text.Json serializes).</param>
public sealed record JsonRpcRequest(string Method, IReadOnlyList<object?>? Params = null);
