namespace FloSandbox.Core.Scheduling;

/// Work that falls due on tenants' sandbox clocks (async settlements, webhook retries, expiries…).
/// Each feature keeps its due rows in its own table, with the due instant in tenant-clock milliseconds,
/// and selects what is due by joining `tenants`: `due_ms <= @realNowMs + tenants.clock_offset_ms`.
public interface IDueWork
{
    string Name { get; }

    /// True for work that moves money (order settlement): at start it runs once the chain is reconciled
    /// with the ledger, before the sandbox serves, so an order in flight when the process died completes.
    bool SettlesOrders => false;

    /// Runs everything due now, for one tenant or (null) for every tenant. Must be safe to call
    /// concurrently with itself and idempotent: a row runs once however often it is asked.
    Task RunDueAsync(string? tenantId, CancellationToken ct);
}
