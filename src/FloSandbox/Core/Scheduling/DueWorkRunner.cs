using Microsoft.Extensions.Options;

namespace FloSandbox.Core.Scheduling;

/// Runs due work: for every tenant on a short real-time poll, and for one tenant right after
/// `X-Flo-Clock` moves its clock (so the request sees everything that fell due first).
public sealed partial class DueWorkRunner(
    IEnumerable<IDueWork> work, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<DueWorkRunner> logger) : BackgroundService
{
    /// Everything due that settles orders, for every tenant (at start, after reconciliation).
    public async Task RunOrderSettlementAsync(CancellationToken ct)
    {
        foreach (var item in work.Where(w => w.SettlesOrders))
        {
            await item.RunDueAsync(null, ct);
        }
    }

    public async Task RunForTenantAsync(string tenantId, CancellationToken ct)
    {
        foreach (var item in work)
        {
            await item.RunDueAsync(tenantId, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var item in work)
            {
                try
                {
                    await item.RunDueAsync(null, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailure(logger, ex, item.Name);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Due work '{Name}' failed; it is retried on the next tick")]
    private static partial void LogFailure(ILogger logger, Exception ex, string name);
}
