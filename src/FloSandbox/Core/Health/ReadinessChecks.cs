using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Health;

/// A readiness check of one dependency; readiness is green when every check is.
public interface IReadinessCheck
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken ct);
}

internal sealed class LedgerReadiness(LedgerDatabase db) : IReadinessCheck
{
    public string Name => "ledger";

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            return await db.PingAsync(ct);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
