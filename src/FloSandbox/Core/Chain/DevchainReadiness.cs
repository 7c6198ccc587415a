using FloSandbox.Core.Health;

namespace FloSandbox.Core.Chain;

/// Readiness of each chain: its node answers `eth_chainId` with the right id.
internal sealed class DevchainReadiness(DevchainHost host, string chain) : IReadinessCheck
{
    public string Name => $"devchain:{chain}";

    public Task<bool> IsReadyAsync(CancellationToken ct) => host.Cluster[chain].IsAliveAsync(ct);
}
