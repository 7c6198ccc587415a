using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>What <see cref="DevchainDeployer.EnsureDeployedAsync"/> found and did on one chain.</summary>
/// <param name="Deployed">Contracts deployed now (e.g. <c>FloTokenFactory</c>, <c>USDC</c>).</param>
/// <param name="AlreadyPresent">Contracts found with code at their expected address (a restart with persisted state).</param>
public sealed record DeploymentOutcome(IReadOnlyList<string> Deployed, IReadOnlyList<string> AlreadyPresent);

/// <summary>
/// Deploys the factory, USDC and USDT from the operator at nonces 0, 1 and 2, or verifies that they are
/// already there. Same nonces on every chain → same addresses on every chain (<see cref="DevchainAccounts"/>).
/// The stablecoins get the factory's address as a constructor argument: it is known before the factory
/// exists (operator nonce 0), and lets <see cref="FloTokenFactoryContract.MintAsync"/> and <see cref="FloTokenFactoryContract.BurnAsync"/> burn and mint them.
/// </summary>
public static class DevchainDeployer
{
    private const ulong DeploymentGas = 6_000_000;

    private static readonly (string Label, EvmAddress Address, string Contract, object?[] Arguments)[] Plan =
    [
        ("FloTokenFactory", DevchainAccounts.Factory, "FloTokenFactory", []),
        ("USDC", DevchainAccounts.Usdc, "MockStablecoin", ["USD Coin", "USDC", DevchainAccounts.Factory]),
        ("USDT", DevchainAccounts.Usdt, "MockStablecoin", ["Tether USD", "USDT", DevchainAccounts.Factory]),
    ];

    /// <summary>Deploys whatever is missing; contracts with code at their address are left alone.</summary>
    /// <param name="sender">Sends from the operator on the chain.</param>
    /// <param name="chain">The chain, for messages.</param>
    /// <param name="stateFile">The node's state file when it has one, named in the message that refuses an old state.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="DevchainDeploymentException">
    /// A contract is missing but the operator's nonce is past the one it must be deployed at, so its address cannot be reached any more;
    /// or the code at a contract's address has another size than this sandbox's version of it (state saved by an older sandbox).
    /// </exception>
    public static async Task<DeploymentOutcome> EnsureDeployedAsync(
        TransactionSender sender, DevchainChain chain, string? stateFile = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(chain);
        var operatorAccount = DevchainAccounts.Operator;

        // One round trip's time for the whole check: the code at every expected address and the operator's nonce, in parallel.
        var codes = Plan.Select(step => sender.Rpc.SendRequestAsync<string>("eth_getCode", null, step.Address.ToLowerHex(), BlockParameter.CreateLatest())).ToArray();
        var nonceRequest = sender.Rpc.SendRequestAsync<HexBigInteger>("eth_getTransactionCount", null, operatorAccount.ToLowerHex(), BlockParameter.CreateLatest());
        await Task.WhenAll([.. codes, nonceRequest]).WaitAsync(cancellationToken).ConfigureAwait(false);
        var nonce = (ulong)nonceRequest.Result.Value;

        var deployed = new List<string>();
        var present = new List<string>();
        for (var i = 0; i < Plan.Length; i++)
        {
            var (label, address, contract, arguments) = Plan[i];
            var artifact = ContractArtifact.Load(contract);
            if (codes[i].Result is { Length: > 2 } code)
            {
                EnsureSameVersion(label, address, artifact, (code.Length - 2) / 2, chain, stateFile);
                present.Add(label);
                continue;
            }

            if (nonce != (ulong)i)
            {
                throw new DevchainDeploymentException(
                    $"{label} is missing on {chain}: it must be deployed at {address} by the operator {operatorAccount} at nonce {i}, " +
                    $"but the operator's nonce is {nonce}. The chain state does not come from this sandbox; {Reset(stateFile)}");
            }

            var deployment = new TransactionInput
            {
                From = operatorAccount.ToLowerHex(),
                Data = artifact.DeploymentData(arguments).ToHex(true),
                Gas = new HexBigInteger(DeploymentGas),
            };
            var receipt = await sender.SendAsync(deployment, $"deploying {label} on {chain}", cancellationToken).ConfigureAwait(false);
            if (!EvmAddress.TryParse(receipt.ContractAddress, out var landed) || landed != address)
            {
                throw new DevchainDeploymentException($"{label} on {chain} landed at {receipt.ContractAddress} instead of {address}.");
            }

            deployed.Add(label);
            nonce++;
        }

        return new DeploymentOutcome(deployed, present);
    }

    /// <summary>
    /// A cheap version check: immutables do not change the size of runtime code, so code of another size at the
    /// address is another version of the contract (for example from a state file written before a contract change),
    /// which would fail later in confusing ways (a missing function, a factory the stablecoins do not authorize).
    /// </summary>
    private static void EnsureSameVersion(string label, EvmAddress address, ContractArtifact artifact, int codeSize, DevchainChain chain, string? stateFile)
    {
        if (codeSize != artifact.DeployedBytecode.Length)
        {
            throw new DevchainDeploymentException(
                $"{label} at {address} on {chain} is not this sandbox's {artifact.ContractName}: it has {codeSize} bytes of code, " +
                $"the current version has {artifact.DeployedBytecode.Length}. The chain state was saved by an older sandbox; {Reset(stateFile)}");
        }
    }

    private static string Reset(string? stateFile) => stateFile is null
        ? "reset the node or point Devchain:RpcUrls at a fresh node."
        : $"delete {stateFile} to start this chain afresh (at start the sandbox restores every ledger balance and token on it).";
}
