using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Flo.Redeems;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Chain;

/// The start-up comparison of ledger and chain counts what redeems in flight still have to move on chain:
/// a holding taken out but not yet burned, and a failed redeem's holding given back but not yet restored.
/// Run on a sandbox of its own, with the redeems' steps due far in the future so nothing moves them.
public sealed class RedeemReconcilerTests : IDisposable
{
    private readonly SandboxFactory _app = new();

    [Fact]
    public async Task Burns_And_Restores_Still_To_Come_Are_Not_Repaired_Away()
    {
        var client = _app.NewTenantClient();
        var tenant = await client.TenantAsync();
        var (tenantId, address) = (tenant.Str("id"), tenant.Str("settlement_address"));
        var mint = await client.SettledMintAsync(10m);
        var ticker = mint.Str("asset");
        var contract = mint.GetProperty("contract").Str("address");
        var reconciler = _app.Services.GetRequiredService<ChainReconciler>();
        Assert.Empty(await reconciler.ReconcileAsync(CancellationToken.None));

        // Accepted, not yet burned: the ledger holds 7, the chain still 10.
        await InFlightAsync(tenantId, ticker, address, 3m, row => { }, takeOut: true);
        Assert.Empty(await reconciler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(10m, await ChainReads.BalanceOfAsync(client, "base", contract, address));

        // Failed after its burn, not yet restored: the ledger gives 2 back that the chain burned.
        var network = _app.Services.GetRequiredService<DevchainHost>().Cluster["base"];
        await network.Token(Devchain.Encoding.EvmAddress.Parse(contract)).BurnAsync(Devchain.Encoding.EvmAddress.Parse(address),
            Devchain.Contracts.TokenUnits.ToUnits(2m));
        await InFlightAsync(tenantId, ticker, address, 2m, row =>
        {
            row.Status = "failed";
            row.BurnTxHash = "0x" + new string('b', 64);
        }, takeOut: false);
        Assert.Empty(await reconciler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(8m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(7m, await client.HeldAsync(ticker));
    }

    private async Task InFlightAsync(string tenantId, string ticker, string wallet, decimal quantity, Action<RedeemRow> shape, bool takeOut)
    {
        var row = new RedeemRow
        {
            Id = "rdm_" + Guid.NewGuid().ToString("N"), TenantId = tenantId, Status = "queued", PositionId = "pos", Asset = ticker, AssetName = ticker,
            QuantityMicros = Money.ToMicros(quantity), Chain = "base", ContractAddress = "", Wallet = wallet, PayoutCurrency = "USDC",
            PayoutChain = "base", PayoutWallet = wallet, CreatedAt = "", StepDueMs = DateTimeOffset.UtcNow.AddYears(5).ToUnixTimeMilliseconds(),
        };
        shape(row);
        await _app.Services.GetRequiredService<LedgerDatabase>().WriteAsync(async ledger =>
        {
            if (takeOut)
            {
                Assert.True(await PositionStore.TryRemoveAsync(ledger, tenantId, ticker, wallet.ToLowerInvariant(), "base", quantity));
            }
            await RedeemStore.InsertAsync(ledger, row);
        });
    }

    public void Dispose() => _app.Dispose();
}
