using System.Collections.Frozen;

namespace FloSandbox.Flo.Rpc;

/// What `/rpc/{chain}` lets through to a node: exact, case-sensitive method names. A deny-list could not
/// know every method a node adds (Anvil alone has `eth_sendUnsignedTransaction`, `anvil_*`, `evm_*`,
/// `hardhat_*`, `ots_*`, `txpool_*`, `debug_*`), so everything not named here is refused.
/// The set is what ethers v6, viem and cast use to read a chain, watch it and send a signed transaction.
public static class RpcAllowList
{
    public const string SendRawTransaction = "eth_sendRawTransaction";

    /// Anvil would list its unlocked dev accounts; callers hold none of them, so the sandbox answers
    /// `[]` itself, as a node without unlocked accounts does, and wallets fall back to their own keys.
    public const string Accounts = "eth_accounts";

    private static readonly FrozenSet<string> Forwarded = new[]
    {
        // The node and the chain.
        "eth_chainId", "net_version", "net_listening", "web3_clientVersion", "eth_syncing", "eth_blockNumber",
        // Blocks.
        "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getBlockTransactionCountByNumber",
        "eth_getBlockTransactionCountByHash", "eth_getBlockReceipts",
        // State, read at a block. State overrides in eth_call / eth_estimateGas / eth_simulateV1 apply to
        // that one read only.
        "eth_getBalance", "eth_getCode", "eth_getStorageAt", "eth_getTransactionCount", "eth_getProof",
        "eth_call", "eth_estimateGas", "eth_createAccessList", "eth_simulateV1",
        // Transactions and logs.
        "eth_getTransactionByHash", "eth_getTransactionByBlockNumberAndIndex", "eth_getTransactionByBlockHashAndIndex",
        "eth_getTransactionReceipt", "eth_getLogs",
        // Fees.
        "eth_gasPrice", "eth_maxPriorityFeePerGas", "eth_feeHistory", "eth_blobBaseFee",
        // Polling filters: ethers' contract.on and viem's watch* use them over HTTP. They hold node memory
        // (Anvil drops a filter not polled for 5 minutes), not chain state, and their ids are random.
        "eth_newFilter", "eth_newBlockFilter", "eth_newPendingTransactionFilter", "eth_getFilterChanges",
        "eth_getFilterLogs", "eth_uninstallFilter",
        // A transaction the caller signed with its own key (the signer is checked, see RpcRawTransactionGuard).
        SendRawTransaction,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsForwarded(string method) => Forwarded.Contains(method);

    public static IReadOnlyCollection<string> ForwardedMethods => Forwarded;
}
