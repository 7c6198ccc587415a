using System.Numerics;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Tests.Infrastructure;

/// <summary>Plain chain reads and writes for tests, through Nethereum.</summary>
internal static class NetworkReads
{
    public static async Task<byte[]> GetCodeAsync(this DevchainRpcClient rpc, EvmAddress address) =>
        (await rpc.SendRequestAsync<string>("eth_getCode", null, address.ToLowerHex(), "latest")).HexToByteArray();

    public static async Task<ulong> GetNonceAsync(this DevchainRpcClient rpc, EvmAddress address) =>
        (ulong)(await rpc.SendRequestAsync<HexBigInteger>("eth_getTransactionCount", null, address.ToLowerHex(), "latest")).Value;

    public static Task<TransactionReceipt> SendAsync(
        this TransactionSender sender, EvmAddress from, EvmAddress? to, byte[]? data = null, BigInteger? value = null, ulong gas = 6_000_000) =>
        sender.SendAsync(new TransactionInput
        {
            From = from.ToLowerHex(),
            To = to?.ToLowerHex(),
            Data = data?.ToHex(true),
            Value = value is { } wei ? new HexBigInteger(wei) : null,
            Gas = new HexBigInteger(gas),
        }, "test transaction");
}
