using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Node;
using FloSandbox.Devchain.Rpc;
using Nethereum.Web3;

namespace FloSandbox.Devchain;

/// <summary>One chain of a <see cref="DevchainCluster"/>: its node (when spawned), client, sender and contract bindings.</summary>
public sealed class DevchainNetwork
{
    internal DevchainNetwork(DevchainChain chain, AnvilNode? node, TransactionSender sender, DeploymentOutcome deployment)
    {
        Chain = chain;
        Node = node;
        Sender = sender;
        Deployment = deployment;
        Factory = new FloTokenFactoryContract(sender, DevchainAccounts.Factory, DevchainAccounts.Operator);
        Usdc = new MockStablecoinContract(sender, DevchainAccounts.Usdc, DevchainAccounts.Operator);
        Usdt = new MockStablecoinContract(sender, DevchainAccounts.Usdt, DevchainAccounts.Operator);
    }

    /// <summary>The chain.</summary>
    public DevchainChain Chain { get; }

    /// <summary>The Anvil process, or null when the chain is an external RPC URL.</summary>
    public AnvilNode? Node { get; }

    /// <summary>The chain's JSON-RPC URL.</summary>
    public Uri RpcUrl => Rpc.Endpoint;

    /// <summary>Nethereum's JSON-RPC client for the chain (shared; do not dispose).</summary>
    public DevchainRpcClient Rpc => Sender.Rpc;

    /// <summary>Nethereum's typed <c>eth_*</c> API for the chain (blocks, balances, receipts, logs).</summary>
    public IWeb3 Web3 => Sender.Web3;

    /// <summary>Transaction sender for the chain (serializes sends per account).</summary>
    public TransactionSender Sender { get; }

    /// <summary>What start-up deployed or found on this chain.</summary>
    public DeploymentOutcome Deployment { get; }

    /// <summary>The FloTokenFactory (same address on every chain).</summary>
    public FloTokenFactoryContract Factory { get; }

    /// <summary>Mock USDC (same address on every chain).</summary>
    public MockStablecoinContract Usdc { get; }

    /// <summary>Mock USDT (same address on every chain).</summary>
    public MockStablecoinContract Usdt { get; }

    /// <summary>A binding for a FloToken on this chain; mint and burn go from the operator.</summary>
    public FloTokenContract Token(EvmAddress token) => Factory.Token(token);

    /// <summary>
    /// True when the chain answers <c>eth_chainId</c> correctly. For a spawned node a dead process
    /// is reported at once, without a round trip.
    /// </summary>
    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken = default)
    {
        if (Node is not null)
        {
            return await Node.IsAliveAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await Rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false) == Chain.ChainId;
        }
        catch (DevchainException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Chain} at {RpcUrl}";
}
