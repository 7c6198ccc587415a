using FloSandbox.Devchain;
using FloSandbox.Devchain.Node;
using Microsoft.Extensions.Options;

namespace FloSandbox.Core.Chain;

/// Owns the three devchains for the life of the process: started (contracts deployed or found)
/// before the sandbox serves its first request, stopped (state written) when it shuts down.
public sealed partial class DevchainHost(IOptions<DevchainOptions> options, TimeProvider time, ILogger<DevchainHost> logger) : IAsyncDisposable
{
    private DevchainCluster? _cluster;

    public DevchainCluster Cluster => _cluster ?? throw new InvalidOperationException("The devchain has not been started.");

    public async Task StartAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        _cluster = await DevchainCluster.StartAsync(options.Value, time, ct);
        LogStarted(logger, time.GetElapsedTime(started).TotalMilliseconds,
            string.Join(", ", _cluster.Networks.Select(n => $"{n.Chain.Name}={n.RpcUrl}")));
        if (_cluster.Networks.Any(n => n.Node is not null) && !AnvilProcessManager.NodesDieWithThisProcess)
        {
            LogNodesOutliveKill(logger);
        }
    }

    /// The network of a live chain. A chain whose node died fails at once, as an unreachable node does,
    /// so callers handle both the same way (mints refund) and the request gets 503 `service_unavailable`.
    public DevchainNetwork LiveNetwork(string chain)
    {
        var network = Cluster[chain];
        return network.Node is { HasExited: true }
            ? throw new DevchainUnavailableException(network.RpcUrl, $"the {network.Chain.Name} devchain node has exited.")
            : network;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _cluster, null) is { } cluster)
        {
            await cluster.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "util-linux's setpriv was not found: Anvil nodes survive the sandbox if it is killed (SIGKILL, a crash) instead of stopped; on Linux the next start stops them")]
    private static partial void LogNodesOutliveKill(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Devchain ready in {Milliseconds:0} ms: {Endpoints}")]
    private static partial void LogStarted(ILogger logger, double milliseconds, string endpoints);
}
