namespace FloSandbox.Chain;

/// Stops the chains while the host stops (and writes their state files), so whoever awaits the host's
/// stop (Ctrl-C, `docker stop`, a test fixture) knows the chain state is on disk when it returns.
/// The chains start earlier, in Program, before the server accepts requests.
internal sealed class DevchainShutdown(DevchainHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => host.DisposeAsync().AsTask();
}
