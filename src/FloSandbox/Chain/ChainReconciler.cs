using System.Numerics;
using Dapper;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Market;
using FloSandbox.Ledger;
using FloSandbox.Ledger.Balances;

namespace FloSandbox.Chain;

/// At start, compares what the ledger recorded with what the chain holds, and repairs the chain from
/// the ledger where they differ. The ledger is the source of truth: every change to it is a durable
/// SQLite transaction, while a devchain's state file is written every few seconds and on clean
/// shutdown, so after a crash (or a deleted state file) the chain is what lags.
public sealed partial class ChainReconciler(
    LedgerDatabase db, TenantWallets wallets, DevchainHost host, DeploymentRegistry deployments, TokenCatalog catalog, ILogger<ChainReconciler> logger)
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
        await ReconcileTokensAsync(repairs, ct);
        return repairs;
    }

    /// Token balances per (ticker, chain, wallet), summed over the tenants that minted there. Only on
    /// chains this sandbox spawned: on an external node other writers may hold tokens too.
    private async Task ReconcileTokensAsync(List<Repair> repairs, CancellationToken ct)
    {
        var holdings = await db.ReadAsync(c => c.QueryAsync<(string Ticker, string Chain, string Wallet, long Micros)>("""
            SELECT ticker, chain, wallet, SUM(quantity_micros) FROM positions GROUP BY ticker, chain, wallet HAVING SUM(quantity_micros) > 0
            """), ct);
        foreach (var (ticker, chain, wallet, micros) in holdings)
        {
            var network = host.Cluster[chain];
            if (network.Node is null)
            {
                continue;
            }
            var owner = EvmAddress.Parse(wallet);
            var token = deployments.Find(chain, ticker)?.Address;
            var onChain = token is { } deployed ? await network.Token(deployed).BalanceOfAsync(owner, ct) : BigInteger.Zero;
            var expected = TokenUnits.ToUnits(Money.FromMicros(micros));
            if (onChain == expected)
            {
                continue;
            }
            if (onChain < expected)
            {
                catalog.TryGet(ticker, out var info);
                var minted = await network.Factory.MintAsync(ticker, info?.Name ?? ticker, owner, expected - onChain, network.Usdc.Address, DevchainAccounts.Operator, 0, ct);
                deployments.Record(chain, ticker, minted.Token, minted.TransactionHash, minted.BlockNumber);
            }
            else
            {
                await network.Token(token!.Value).BurnAsync(owner, onChain - expected, ct);
            }
            var repair = new Repair("*", wallet, $"{ticker}@{chain}", TokenUnits.FromUnits(onChain), Money.FromMicros(micros));
            LogRepair(logger, repair.TenantId, repair.Asset, repair.Address, repair.Chain, repair.Ledger);
            repairs.Add(repair);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Chain disagreed with the ledger for tenant {TenantId}: {Asset} at {Address} was {Chain} on chain, {Ledger} in the ledger; repaired from the ledger")]
    private static partial void LogRepair(ILogger logger, string tenantId, string asset, string address, decimal chain, decimal ledger);
}
