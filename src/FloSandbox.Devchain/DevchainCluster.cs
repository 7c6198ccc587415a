using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Node;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain;

/// <summary>
/// The three devchains (base, arbitrum, ethereum), each spawned as Anvil or reached at an external
/// RPC URL, with the factory and stablecoins deployed (or found) at their deterministic addresses.
/// Disposing stops spawned nodes cleanly, which also writes their state files.
/// </summary>
public sealed class DevchainCluster : IAsyncDisposable
{
    private readonly AnvilProcessManager _processes;
    private readonly IReadOnlyList<DevchainNetwork> _networks;

    private DevchainCluster(AnvilProcessManager processes, IReadOnlyList<DevchainNetwork> networks)
    {
        _processes = processes;
        _networks = networks;
    }

    /// <summary>The chains in <see cref="DevchainChain.All"/> order.</summary>
    public IReadOnlyList<DevchainNetwork> Networks => _networks;

    /// <summary>The operator account (Anvil account 0): deployer of every contract and the only minter.</summary>
    public EvmAddress Operator => DevchainAccounts.Operator;

    /// <summary>FloTokenFactory address, identical on every chain.</summary>
    public EvmAddress FactoryAddress => DevchainAccounts.Factory;

    /// <summary>Mock USDC address, identical on every chain.</summary>
    public EvmAddress UsdcAddress => DevchainAccounts.Usdc;

    /// <summary>Mock USDT address, identical on every chain.</summary>
    public EvmAddress UsdtAddress => DevchainAccounts.Usdt;

    /// <summary>The network for a chain name (<c>base</c>, <c>arbitrum</c>, <c>ethereum</c>).</summary>
    public DevchainNetwork this[string chainName] => Get(DevchainChain.Get(chainName));

    /// <summary>The network for <paramref name="chain"/>.</summary>
    public DevchainNetwork Get(DevchainChain chain) =>
        _networks.First(n => n.Chain == chain);

    /// <summary>
    /// Starts (or connects to) all three chains in parallel and deploys or verifies the base contracts.
    /// Fails with <see cref="AnvilStartException"/>, <see cref="DevchainDeploymentException"/> or another
    /// <see cref="DevchainException"/>, after stopping whatever it had started.
    /// </summary>
    public static async Task<DevchainCluster> StartAsync(DevchainOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var processes = new AnvilProcessManager(options, timeProvider);
        var starts = DevchainChain.All.Select(chain => StartNetworkAsync(chain, options, processes, timeProvider, cancellationToken)).ToArray();
        try
        {
            return new DevchainCluster(processes, await Task.WhenAll(starts).ConfigureAwait(false));
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                start.Result.Rpc.Dispose();
            }

            await processes.DisposeAsync().ConfigureAwait(false);
            var failures = starts.Where(s => s.IsFaulted).SelectMany(s => s.Exception!.InnerExceptions).ToArray();
            if (failures.Length > 1)
            {
                throw new AggregateException("Several devchains failed to start.", failures);
            }

            throw;
        }
    }

    /// <summary>True when every chain answers <c>eth_chainId</c> correctly.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        var alive = await Task.WhenAll(_networks.Select(n => n.IsAliveAsync(cancellationToken))).ConfigureAwait(false);
        return alive.All(a => a);
    }

    /// <summary>Stops spawned nodes (state files are written) and releases the clients.</summary>
    public async ValueTask DisposeAsync()
    {
        await _processes.DisposeAsync().ConfigureAwait(false);
        foreach (var network in _networks)
        {
            network.Rpc.Dispose();
        }
    }

    private static async Task<DevchainNetwork> StartNetworkAsync(
        DevchainChain chain, DevchainOptions options, AnvilProcessManager processes, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        AnvilNode? node = null;
        Uri url;
        if (options.RpcUrls.TryGetValue(chain.Name, out var external) && !string.IsNullOrWhiteSpace(external))
        {
            url = new Uri(external);
        }
        else
        {
            node = await processes.StartAsync(chain, cancellationToken).ConfigureAwait(false);
            url = node.RpcUrl;
        }

        var rpc = new DevchainRpcClient(url, options.RequestTimeout);
        try
        {
            var chainId = await rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
            if (chainId != chain.ChainId)
            {
                throw new DevchainException($"The node for {chain} at {url} reports chain id {chainId}, expected {chain.ChainId}.");
            }

            var sender = new TransactionSender(rpc, timeProvider);
            var deployment = await DevchainDeployer.EnsureDeployedAsync(sender, chain, node?.StateFile, cancellationToken).ConfigureAwait(false);
            return new DevchainNetwork(chain, node, sender, deployment);
        }
        catch
        {
            rpc.Dispose();
            throw;
        }
    }
}
