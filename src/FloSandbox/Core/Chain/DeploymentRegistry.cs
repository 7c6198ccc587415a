using System.Collections.Concurrent;
using FloSandbox.Core.Idempotency;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Core.Chain;

/// Which tokens the factory has deployed on which chain. The chain is the truth: the registry is read
/// from the factory's `TokenDeployed` logs at start and kept current as the sandbox deploys, so reads
/// (the token catalog) never need a round trip. Deployments are chain state, shared by every tenant.
public sealed class DeploymentRegistry(DevchainHost host, KeyedLock locks)
{
    private readonly ConcurrentDictionary<(string Chain, string Ticker), TokenDeploymentRecord> _deployed = new();
    private readonly ConcurrentDictionary<string, EvmAddress> _predicted = new(StringComparer.Ordinal);

    public sealed record TokenDeploymentRecord(string Ticker, string Chain, EvmAddress Address, string TransactionHash, ulong BlockNumber);

    public sealed record EnsureResult(TokenDeploymentRecord Deployment, bool DeployedNow, ulong GasUsed);

    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var network in host.Cluster.Networks)
        {
            foreach (var deployed in await network.Factory.DeploymentsAsync(ct))
            {
                Record(network.Chain.Name, deployed.Ticker, deployed.Token, deployed.TransactionHash, deployed.BlockNumber);
            }
        }
    }

    /// The CREATE2 address the ticker's token has (or will have) on every chain.
    public EvmAddress Predicted(string ticker) =>
        _predicted.GetOrAdd(ticker, t => FloTokenFactoryContract.PredictTokenAddress(DevchainAccounts.Factory, t));

    public TokenDeploymentRecord? Find(string chain, string ticker) => _deployed.GetValueOrDefault((chain, ticker));

    public TokenDeploymentRecord Record(string chain, string ticker, EvmAddress address, string txHash, ulong block) =>
        _deployed.GetOrAdd((chain, ticker), _ => new TokenDeploymentRecord(ticker, chain, address, txHash, block));

    /// Deploys the ticker's token on the chain unless it exists; concurrent calls deploy once.
    public async Task<EnsureResult> EnsureAsync(string chain, string ticker, string name, CancellationToken ct)
    {
        using var held = await locks.AcquireAsync($"deploy\n{chain}\n{ticker}", ct);
        var network = host.LiveNetwork(chain);
        if ((Find(chain, ticker) ?? await FindOnChainAsync(network, ticker, ct)) is { } existing)
        {
            var receipt = await network.Factory.ReceiptAsync(existing.TransactionHash, ct);
            return new EnsureResult(existing, false, (ulong)(receipt?.GasUsed?.Value ?? 0));
        }
        var deployment = await network.Factory.DeployAsync(ticker, name, ct);
        var record = Record(chain, ticker, deployment.Token, deployment.TransactionHash, deployment.BlockNumber);
        return new EnsureResult(record, true, deployment.GasUsed);
    }

    /// A deployment made by another process sharing an external node, found through its log.
    private async Task<TokenDeploymentRecord?> FindOnChainAsync(DevchainNetwork network, string ticker, CancellationToken ct)
    {
        if (await network.Factory.TokenOfAsync(ticker, ct) is not { } token)
        {
            return null;
        }
        var log = await network.Factory.DeploymentOfAsync(token, ct);
        return Record(network.Chain.Name, ticker, token, log?.TransactionHash ?? "", log?.BlockNumber ?? 0);
    }
}
