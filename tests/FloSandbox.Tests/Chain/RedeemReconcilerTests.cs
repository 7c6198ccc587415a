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

    [Fact]
    public async Task A_Burn_Or_Payout_The_Chain_Applied_But_The_Ledger_Did_Not_Record_Is_Not_Counted_Twice()
    {
        var client = _app.NewTenantClient();
        var tenant = await client.TenantAsync();
        var (tenantId, address) = (tenant.Str("id"), tenant.Str("settlement_address"));
        var mint = await client.SettledMintAsync(10m);
        var (ticker, contract) = (mint.Str("asset"), mint.GetProperty("contract").Str("address"));
        var reconciler = _app.Services.GetRequiredService<ChainReconciler>();
        var effects = _app.Services.GetRequiredService<RedeemChainEffects>();
        var balance = await client.BalanceAsync();

        // The process died right after the chain burned 3 for an accepted redeem, before the ledger recorded the burn.
        var burned = await InFlightAsync(tenantId, ticker, address, 3m, row => { }, takeOut: true);
        await effects.BurnAsync(burned, CancellationToken.None);
        // And right after a payout of 12.34 to the settlement address landed, before the ledger credited it.
        var paid = await InFlightAsync(tenantId, ticker, address, 1m, row =>
        {
            row.Status = "filled";
            row.BurnTxHash = "0x" + new string('b', 64);
            row.PayeeTenantId = tenantId;
            row.ProceedsMicros = 12_340_000;
        }, takeOut: false);
        await effects.PayoutAsync(paid, CancellationToken.None);

        Assert.Empty(await reconciler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(7m, await ChainReads.BalanceOfAsync(client, "base", contract, address));
        Assert.Equal(balance + 12.34m, await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
        Assert.Equal(balance, await client.BalanceAsync());
    }

    private async Task<RedeemRow> InFlightAsync(string tenantId, string ticker, string wallet, decimal quantity, Action<RedeemRow> shape, bool takeOut)
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
        return row;
    }

    public void Dispose() => _app.Dispose();
}
