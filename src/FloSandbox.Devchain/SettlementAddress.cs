using FloSandbox.Devchain.Encoding;
using Nethereum.Util;

namespace FloSandbox.Devchain;

/// <summary>Deterministic per-tenant settlement addresses: the same API key always maps to the same address, on every chain.</summary>
public static class SettlementAddress
{
    private const string Domain = "flo-sandbox:settlement:";

    /// <summary>Last 20 bytes of keccak256("flo-sandbox:settlement:" + key). Nobody holds its private key; the operator moves funds with mint and burn.</summary>
    public static EvmAddress ForApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        return EvmAddress.FromBytes(Sha3Keccack.Current.CalculateHashAsBytes(Domain + apiKey).AsSpan(12));
    }
}
