using System.Numerics;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;

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

    private static readonly AbiFunction BalancesOf = new("balancesOf(address[],address[])", "uint256[]");
    private static readonly Lazy<IReadOnlyDictionary<EvmAddress, byte[]>> Code = new(() =>
        new Dictionary<EvmAddress, byte[]> { [Address] = ContractArtifact.Load("BalanceReader").DeployedBytecode.ToArray() });

    /// <summary>Where the reader's code is placed for a call: an address no key or deployment leads to.</summary>
    public static EvmAddress Address { get; } = EvmAddress.FromBytes(Keccak256.Hash("flo-sandbox:balance-reader").AsSpan(12));

    /// <summary>
    /// <c>token.balanceOf(owner)</c> for each pair, in order, in raw units. Every token must be a
    /// deployed contract (the call reverts otherwise).
    /// </summary>
    public static async Task<IReadOnlyList<BigInteger>> BalancesOfAsync(
        JsonRpcClient rpc, IReadOnlyList<(EvmAddress Token, EvmAddress Owner)> holdings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(holdings);
        var balances = new List<BigInteger>(holdings.Count);
        foreach (var chunk in holdings.Chunk(BatchSize))
        {
            var data = BalancesOf.EncodeCall(chunk.Select(h => h.Token).ToArray(), chunk.Select(h => h.Owner).ToArray());
            var result = await rpc.EthCallAsync(new TransactionRequest(To: Address, Data: data), Code.Value, BlockTag.Latest, cancellationToken)
                .ConfigureAwait(false);
            balances.AddRange(BalancesOf.DecodeSingle<object?[]>(result).Cast<BigInteger>());
        }

        return balances;
    }
}
