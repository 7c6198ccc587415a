using System.Numerics;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Market;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Core.Chain;

/// At start, compares what the ledger recorded with what the chain holds, and repairs the chain from
/// the ledger where they differ. The ledger is the source of truth: every change to it is a durable
/// SQLite transaction, while a devchain's state file is written every few seconds and on clean
/// shutdown, so after a crash (or a deleted state file) the chain is what lags.
/// The comparison costs the same few round trips whatever the number of tenants: one query reads
/// every balance from the ledger, and <see cref="BalanceReader"/> reads a thousand balances from the
/// chain per call. Only a repair is a transaction.
public sealed partial class ChainReconciler(
    BalanceStore balances, PositionStore positions, IEnumerable<IInFlightOrders> inFlight, TenantWallets wallets, DevchainHost host, DeploymentRegistry deployments,
    TokenCatalog catalog, TimeProvider time,
    ILogger<ChainReconciler> logger)
{
    public sealed record Repair(string TenantId, string Address, string Asset, decimal Chain, decimal Ledger);

    public async Task<IReadOnlyList<Repair>> ReconcileAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var repairs = new List<Repair>();
        var compared = await ReconcileStablecoinsAsync(repairs, ct) + await ReconcileTokensAsync(repairs, ct);
        LogReconciled(logger, compared, repairs.Count, time.GetElapsedTime(started).TotalMilliseconds);
        return repairs;
    }

    /// Every tenant's USDC and USDT at its settlement address on the home chain: the ledger's balance plus
    /// what orders in flight have booked but not yet moved on chain. A currency without a ledger row is
    /// zero, as in <see cref="BalanceStore"/>.
    private async Task<int> ReconcileStablecoinsAsync(List<Repair> repairs, CancellationToken ct)
    {
        var pending = new Dictionary<(string, Currency), decimal>();
        foreach (var orders in inFlight)
        {
            foreach (var p in await orders.PendingStablecoinsAsync(ct))
            {
                pending[(p.TenantId, p.Currency)] = pending.GetValueOrDefault((p.TenantId, p.Currency)) + p.Amount;
            }
        }
        var ledger = (await balances.AtSettlementAddressesAsync(ct))
            .Select(l => (l.TenantId, l.Address, l.Currency, Amount: l.Amount + pending.GetValueOrDefault((l.TenantId, l.Currency))))
            .ToList();
        var onChain = await BalanceReader.BalancesOfAsync(host.LiveNetwork(TenantWallets.HomeChain).Rpc,
            ledger.Select(l => (wallets.Coin(l.Currency).Address, EvmAddress.Parse(l.Address))).ToList(), ct);
        for (var i = 0; i < ledger.Count; i++)
        {
            var (tenantId, address, currency, amount) = ledger[i];
            if (onChain[i] != TokenUnits.ToUnits(amount))
            {
                await wallets.SetBalanceAsync(address, currency, amount, ct);
                Record(repairs, new Repair(tenantId, address, currency.ToString(), TokenUnits.FromUnits(onChain[i]), amount));
            }
        }
        return ledger.Count;
    }

    /// Token balances per (ticker, chain, wallet), summed over the tenants that minted there, plus what orders
    /// in flight have moved on one side only, also where the ledger holds none (an order took the whole holding).
    /// Only on chains this sandbox spawned: on an external node other writers may hold tokens too.
    private async Task<int> ReconcileTokensAsync(List<Repair> repairs, CancellationToken ct)
    {
        var expectedMicros = (await positions.ByWalletAsync(ct)).ToDictionary(h => (h.Ticker, h.Chain, h.Wallet), h => h.Micros);
        foreach (var orders in inFlight)
        {
            foreach (var p in await orders.PendingTokensAsync(ct))
            {
                var key = (p.Ticker, p.Chain, p.Wallet);
                expectedMicros[key] = expectedMicros.GetValueOrDefault(key) + Money.ToMicros(p.Quantity);
            }
        }
        var compared = 0;
        foreach (var onOneChain in expectedMicros.GroupBy(h => h.Key.Chain))
        {
            var network = host.Cluster[onOneChain.Key];
            if (network.Node is null)
            {
                continue;
            }
            var expected = onOneChain.Select(h => (h.Key.Ticker, h.Key.Wallet, Micros: h.Value,
                Token: deployments.Find(onOneChain.Key, h.Key.Ticker)?.Address)).ToList();
            compared += expected.Count;
            var deployed = expected.Where(h => h.Token is not null).ToList();
            var read = await BalanceReader.BalancesOfAsync(network.Rpc, deployed.Select(h => (h.Token!.Value, EvmAddress.Parse(h.Wallet))).ToList(), ct);
            var balances = deployed.Select((h, i) => (h.Ticker, h.Wallet, Balance: read[i])).ToDictionary(b => (b.Ticker, b.Wallet), b => b.Balance);
            foreach (var (ticker, wallet, micros, token) in expected)
            {
                var onChain = balances.GetValueOrDefault((ticker, wallet));
                var target = TokenUnits.ToUnits(Money.FromMicros(micros));
                if (onChain != target)
                {
                    await RepairTokenAsync(network, ticker, EvmAddress.Parse(wallet), token, onChain, target, ct);
                    Record(repairs, new Repair("*", wallet, $"{ticker}@{network.Chain.Name}", TokenUnits.FromUnits(onChain), Money.FromMicros(micros)));
                }
            }
        }
        return compared;
    }

    private async Task RepairTokenAsync(
        Devchain.DevchainNetwork network, string ticker, EvmAddress owner, EvmAddress? token, BigInteger onChain, BigInteger target, CancellationToken ct)
    {
        if (onChain < target)
        {
            catalog.TryGet(ticker, out var info);
            var minted = await network.Factory.MintAsync(EffectId.NewRandom(), ticker, info?.Name ?? ticker, owner, target - onChain, network.Usdc.Address, DevchainAccounts.Operator, 0, ct);
            deployments.Record(network.Chain.Name, ticker, minted.Token, minted.TransactionHash, minted.BlockNumber);
        }
        else
        {
            await network.Token(token!.Value).BurnAsync(owner, onChain - target, ct);
        }
    }

    private void Record(List<Repair> repairs, Repair repair)
    {
        LogRepair(logger, repair.TenantId, repair.Asset, repair.Address, repair.Chain, repair.Ledger);
        repairs.Add(repair);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compared {Balances} balances of ledger and chain in {Milliseconds:0} ms; {Repairs} repaired")]
    private static partial void LogReconciled(ILogger logger, int balances, int repairs, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Chain disagreed with the ledger for tenant {TenantId}: {Asset} at {Address} was {Chain} on chain, {Ledger} in the ledger; repaired from the ledger")]
    private static partial void LogRepair(ILogger logger, string tenantId, string asset, string address, decimal chain, decimal ledger);
}
