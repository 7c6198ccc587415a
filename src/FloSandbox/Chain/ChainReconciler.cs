using Dapper;
using FloSandbox.Ledger;
using FloSandbox.Ledger.Balances;

namespace FloSandbox.Chain;

/// At start, compares what the ledger recorded with what the chain holds, and repairs the chain from
/// the ledger where they differ. The ledger is the source of truth: every change to it is a durable
/// SQLite transaction, while a devchain's state file is written every few seconds and on clean
/// shutdown, so after a crash (or a deleted state file) the chain is what lags.
public sealed partial class ChainReconciler(LedgerDatabase db, TenantWallets wallets, ILogger<ChainReconciler> logger)
{
    public sealed record Repair(string TenantId, string Address, string Asset, decimal Chain, decimal Ledger);

    public async Task<IReadOnlyList<Repair>> ReconcileAsync(CancellationToken ct)
    {
        var tenants = await db.ReadAsync(c => c.QueryAsync<(string Id, string Address)>("SELECT id, settlement_address FROM tenants"), ct);
        var repairs = new List<Repair>();
        foreach (var (tenantId, address) in tenants)
        {
            var ledger = await BalanceStore.GetAsync(db, tenantId, ct);
            foreach (var currency in Currencies.All)
            {
                var onChain = await wallets.BalanceAsync(address, currency, ct);
                if (onChain != ledger[currency])
                {
                    await wallets.SetBalanceAsync(address, currency, ledger[currency], ct);
                    var repair = new Repair(tenantId, address, currency.ToString(), onChain, ledger[currency]);
                    LogRepair(logger, repair.TenantId, repair.Asset, repair.Address, repair.Chain, repair.Ledger);
                    repairs.Add(repair);
                }
            }
        }
        return repairs;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Chain disagreed with the ledger for tenant {TenantId}: {Asset} at {Address} was {Chain} on chain, {Ledger} in the ledger; repaired from the ledger")]
    private static partial void LogRepair(ILogger logger, string tenantId, string asset, string address, decimal chain, decimal ledger);
}
