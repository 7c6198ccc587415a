using System.Numerics;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
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
        var decoder = new FunctionCallDecoder();
        foreach (var chunk in holdings.Chunk(BatchSize))
        {
            var call = new BalancesOfFunction
            {
                Tokens = chunk.Select(h => h.Token.ToLowerHex()).ToList(),
                Owners = chunk.Select(h => h.Owner.ToLowerHex()).ToList(),
            };
            var input = new CallInput(call.GetCallData().ToHex(true), Address.ToLowerHex());
            var result = await rpc.SendRequestAsync<string>("eth_call", null, input, BlockParameter.CreateLatest(), Code.Value)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            balances.AddRange(decoder.DecodeFunctionOutput<BalancesOfOutput>(result).Balances);
        }

        return balances;
    }

    [Function("balancesOf", typeof(BalancesOfOutput))]
    private sealed class BalancesOfFunction : FunctionMessage
    {
        [Parameter("address[]", "tokens", 1)]
        public List<string> Tokens { get; set; } = null!;

        [Parameter("address[]", "owners", 2)]
        public List<string> Owners { get; set; } = null!;
    }

    [FunctionOutput]
    private sealed class BalancesOfOutput : IFunctionOutputDTO
    {
        [Parameter("uint256[]", "balances", 1)]
        public List<BigInteger> Balances { get; set; } = null!;
    }
}
