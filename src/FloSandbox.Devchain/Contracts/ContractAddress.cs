using FloSandbox.Devchain.Encoding;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace FloSandbox.Devchain.Contracts;

/// <summary>Addresses of contracts created with CREATE (sender + nonce) and CREATE2 (deployer + salt + init code), computed by Nethereum.</summary>
public static class ContractAddress
{
    /// <summary>CREATE: last 20 bytes of keccak256(rlp([sender, nonce])).</summary>
    public static EvmAddress ForCreate(EvmAddress sender, ulong nonce) =>
        EvmAddress.Parse(ContractUtils.CalculateContractAddress(sender.ToLowerHex(), nonce));

    /// <summary>CREATE2: last 20 bytes of keccak256(0xff ++ deployer ++ salt ++ keccak256(initCode)).</summary>
    public static EvmAddress ForCreate2(EvmAddress deployer, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> initCodeHash)
    {
        if (salt.Length != 32 || initCodeHash.Length != 32)
        {
            throw new ArgumentException("CREATE2 salt and init code hash are 32 bytes each.");
        }

        return EvmAddress.Parse(ContractUtils.CalculateCreate2AddressUsingByteCodeHash(
            deployer.ToLowerHex(), salt.ToArray().ToHex(true), initCodeHash.ToArray().ToHex(true)));
    }
}
