using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Chain;

/// The start-up comparison of ledger and chain, run on a sandbox of its own: on the shared one, other
/// tests' settlements in flight would look like disagreements.
public sealed class ReconcilerTests : IDisposable
{
    private readonly SandboxFactory _app = new();

    [Fact]
    public async Task It_Repairs_Exactly_The_Balances_The_Chain_Got_Wrong_In_Either_Direction()
    {
        var clients = Enumerable.Range(0, 4).Select(_ => _app.NewTenantClient()).ToList();
        var addresses = new List<string>();
        foreach (var client in clients)
        {
            addresses.Add((await client.TenantAsync()).Str("settlement_address"));
        }
        var (tickerA, tickerB) = (TestTickers.Unique(), TestTickers.Unique());
        var (walletA, walletB) = (MintHelpers.RandomWallet(), MintHelpers.RandomWallet());
        await clients[0].MintAsync(tickerA, 3, wallet: walletA);
        await clients[1].MintAsync(tickerB, 5, wallet: walletB);
        await clients[1].MintAsync(tickerA, 2, wallet: walletB);
        var reconciler = _app.Services.GetRequiredService<ChainReconciler>();
        Assert.Empty(await reconciler.ReconcileAsync(CancellationToken.None));

        // The chain drifts from the ledger: coins and tokens too many and too few, for some holders only.
        var wallets = _app.Services.GetRequiredService<TenantWallets>();
        var network = _app.Services.GetRequiredService<DevchainHost>().Cluster["base"];
        var deployments = _app.Services.GetRequiredService<DeploymentRegistry>();
        await wallets.Coin(Currency.USDT).MintAsync(EvmAddress.Parse(addresses[1]), TokenUnits.ToUnits(5m));
        await wallets.Coin(Currency.USDC).BurnAsync(EvmAddress.Parse(addresses[2]), TokenUnits.ToUnits(0.25m));
        await network.Token(deployments.Find("base", tickerA)!.Address).BurnAsync(EvmAddress.Parse(walletA), TokenUnits.ToUnits(1m));
        await network.Token(deployments.Find("base", tickerB)!.Address).MintAsync(EvmAddress.Parse(walletB), TokenUnits.ToUnits(4m));

        var repairs = await reconciler.ReconcileAsync(CancellationToken.None);

        var tenantIds = new List<string>();
        foreach (var client in clients)
        {
            tenantIds.Add((await client.TenantAsync()).Str("id"));
        }
        ChainReconciler.Repair[] expected =
            [
                new ChainReconciler.Repair(tenantIds[1], addresses[1], "USDT", 5m, 0m),
                new ChainReconciler.Repair(tenantIds[2], addresses[2], "USDC", 999_999.75m, 1_000_000m),
                new ChainReconciler.Repair("*", walletA, $"{tickerA}@base", 2m, 3m),
                new ChainReconciler.Repair("*", walletB, $"{tickerB}@base", 9m, 5m),
            ];
        Assert.Equal(expected.OrderBy(r => r.Asset, StringComparer.Ordinal), repairs.OrderBy(r => r.Asset, StringComparer.Ordinal));
        var client0 = _app.CreateClient();
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client0, "base", ChainReads.Usdt, addresses[1]));
        Assert.Equal(1_000_000m, await ChainReads.BalanceOfAsync(client0, "base", ChainReads.Usdc, addresses[2]));
        Assert.Equal(3m, await ChainReads.BalanceOfAsync(client0, "base", deployments.Find("base", tickerA)!.Address.ToString(), walletA));
        Assert.Equal(5m, await ChainReads.BalanceOfAsync(client0, "base", deployments.Find("base", tickerB)!.Address.ToString(), walletB));
        Assert.Empty(await reconciler.ReconcileAsync(CancellationToken.None));
    }

    public void Dispose() => _app.Dispose();
}
