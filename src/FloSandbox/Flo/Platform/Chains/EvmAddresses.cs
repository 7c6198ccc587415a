using FloSandbox.Devchain.Encoding;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Chains;

/// Wallet addresses in requests.
public static class EvmAddresses
{
    /// An EVM address, lower-case or correctly EIP-55 checksummed; returned checksummed.
    public static string Require(string value, string param)
    {
        if (!EvmAddress.TryParse(value, out var address) || value.Length != 42)
        {
            throw FloException.Invalid(param, $"{param} must be an EVM address (0x followed by 40 hex digits); got \"{value}\".");
        }
        var hex = value[2..];
        if (hex != hex.ToLowerInvariant() && !EvmAddress.HasValidChecksum(value))
        {
            throw FloException.Invalid(param, $"{param} has an invalid EIP-55 checksum: \"{value}\". Send it checksummed or all lower-case.");
        }
        if (address.IsZero)
        {
            throw FloException.Invalid(param, $"{param} must not be the zero address.");
        }
        return address.ToString();
    }
}
