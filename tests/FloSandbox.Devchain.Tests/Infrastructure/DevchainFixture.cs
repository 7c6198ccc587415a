using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain.Tests.Infrastructure;

/// <summary>One set of three real Anvil chains for the whole test run.</summary>
public sealed class DevchainFixture : IAsyncLifetime
{
    private DevchainCluster? _cluster;

    public DevchainCluster Cluster => _cluster ?? throw new InvalidOperationException("Fixture not initialized.");

    public DevchainNetwork Base => Cluster["base"];

    public async Task InitializeAsync() => _cluster = await DevchainCluster.StartAsync(new DevchainOptions());

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A ticker no other test uses, so tests sharing the chains stay independent.</summary>
    public static string UniqueTicker() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A wallet no other test uses: the settlement address of a fresh key.</summary>
    public static EvmAddress NewHolder() => SettlementAddress.ForApiKey("sk_test_" + Guid.NewGuid().ToString("N"));

    /// <summary>An order step's effect in a domain of its own, at an index well past the first storage word.</summary>
    public static EffectId NewEffect(EffectStep step = EffectStep.Mint) =>
        EffectId.For(EffectId.NewRandom().Domain.Span, Random.Shared.Next(1, 1_000_000), step);

    /// <summary>Deploys a fresh token on every chain and returns its address (identical everywhere).</summary>
    public async Task<(string Ticker, EvmAddress Token)> DeployTokenEverywhereAsync()
    {
        var ticker = UniqueTicker();
        var deployments = await Task.WhenAll(Cluster.Networks.Select(n => n.Factory.DeployAsync(ticker, $"{ticker} Inc.")));
        return (ticker, deployments[0].Token);
    }

    /// <summary>Account 1: unlocked, funded, and not the operator.</summary>
    public static EvmAddress Stranger => DevchainAccounts.Unlocked[1];

    /// <summary>Deploys a contract from account 9 so the operator's nonce is never touched by tests.</summary>
    public static Task<EvmAddress> DeployFromSpareAccountAsync(TransactionSender sender, byte[] initCode) =>
        DeployFromAsync(sender, DevchainAccounts.Unlocked[9], initCode);

    public static async Task<EvmAddress> DeployFromAsync(TransactionSender sender, EvmAddress from, byte[] initCode)
    {
        var receipt = await sender.SendAsync(from, null, initCode);
        return EvmAddress.Parse(receipt.ContractAddress);
    }
}

[CollectionDefinition(Name)]
public sealed class DevchainCollection : ICollectionFixture<DevchainFixture>
{
    public const string Name = "devchain";
}
