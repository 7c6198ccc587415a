using FloSandbox.Core.Scheduling;

namespace FloSandbox.Core.Chain;

/// Starts the chains before anything else runs and stops them after everything else has stopped.
/// The host validates every option (`ValidateOnStart`) before it calls any `StartingAsync`, so a bad
/// setting fails start-up before a node is spawned; and `StartingAsync` runs before any hosted
/// service's `StartAsync`, the server's included, so the sandbox listens only once the chains are up,
/// the deployment registry is loaded and the chain agrees with the ledger. The host handles SIGTERM and
/// Ctrl-C from the start: a signal during start-up cancels the token, which stops the nodes spawned so far.
internal sealed class DevchainLifecycle(
    DevchainHost host, DeploymentRegistry deployments, DueWorkRunner dueWork, ChainReconciler reconciler) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
            await deployments.LoadAsync(cancellationToken);
            // The chain is brought to the ledger (counting what orders in flight have still to move), then
            // those orders complete: each effect once, the chain refuses an effect id twice.
            await reconciler.ReconcileAsync(cancellationToken);
            await dueWork.RunOrderSettlementAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// Whoever awaits the host's stop (Ctrl-C, `docker stop`, a test fixture) knows the chain state is
    /// on disk when it returns.
    public Task StoppedAsync(CancellationToken cancellationToken) => host.DisposeAsync().AsTask();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
