using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// Reads many ERC-20 balances in few round trips: <c>BalanceReader.balancesOf(tokens, owners)</c>
/// (<c>devchain/contracts/BalanceReader.sol</c>) answers a thousand balances per <c>eth_call</c>. Its
/// code is never deployed: each call places it at an unused address through the call's state
/// override, so no chain, nonce or state file changes.
/// </summary>
public static class BalanceReader
{
    /// <summary>Balances per call: about 6k gas each keeps a call far below a node's gas cap for calls.</summary>
    public const int BatchSize = 1000;

    private static readonly ContractFunction BalancesOf = ContractFunction.Of("BalanceReader", "balancesOf(address[],address[])");
    private static readonly Lazy<Dictionary<string, StateChange>> Code = new(() => new()
    {
        [Address.ToLowerHex()] = new StateChange { Code = ContractArtifact.Load("BalanceReader").DeployedBytecode.ToArray().ToHex(true) },
    });

    /// <summary>Where the reader's code is placed for a call: an address no key or deployment leads to.</summary>
    public static EvmAddress Address { get; } = EvmAddress.FromBytes(Sha3Keccack.Current.CalculateHashAsBytes("flo-sandbox:balance-reader").AsSpan(12));

    /// <summary>
    /// <c>token.balanceOf(owner)</c> for each pair, in order, in raw units. Every token must be a
    /// deployed contract (the call reverts otherwise).
    /// </summary>
    public static async Task<IReadOnlyList<BigInteger>> BalancesOfAsync(
        DevchainRpcClient rpc, IReadOnlyList<(EvmAddress Token, EvmAddress Owner)> holdings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(holdings);
        var balances = new List<BigInteger>(holdings.Count);
        foreach (var chunk in holdings.Chunk(BatchSize))
        {
            var data = BalancesOf.Encode(chunk.Select(h => h.Token.ToLowerHex()).ToList(), chunk.Select(h => h.Owner.ToLowerHex()).ToList());
            var result = await rpc.SendRequestAsync<string>("eth_call", null, new CallInput(data, Address.ToLowerHex()), BlockParameter.CreateLatest(), Code.Value)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            balances.AddRange(BalancesOf.Decode<List<BigInteger>>(result));
        }

        return balances;
    }
}
