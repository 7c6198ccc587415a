namespace FloSandbox.Chain;

/// Which JSON-RPC methods `/rpc/{chain}` forwards. Reads and raw signed transactions pass; node
/// administration and anything that would act as an unlocked account (the operator) is refused, so
/// no client can corrupt the emulator's chain state or mint as the operator.
public static class RpcMethodPolicy
{
    private static readonly string[] RefusedPrefixes = ["anvil_", "evm_", "hardhat_", "personal_", "miner_", "admin_", "debug_set", "ots_set"];

    private static readonly HashSet<string> RefusedMethods = new(StringComparer.Ordinal)
    {
        "eth_sendTransaction", "eth_sendTransactionSync", "eth_sign", "eth_signTransaction", "eth_signTypedData",
        "eth_signTypedData_v3", "eth_signTypedData_v4",
    };

    public static bool IsRefused(string method) =>
        RefusedMethods.Contains(method) || RefusedPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));
}
