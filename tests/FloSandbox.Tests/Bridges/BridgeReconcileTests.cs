using System.Net;
using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Flo.Bridges;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Bridges;

/// Start-up reconciliation with bridges in flight, on a sandbox of its own: a step that moved the ledger
/// and not yet the chain (or the chain and not yet the ledger) is no disagreement to repair, and the step
/// itself completes it once.
public sealed class BridgeReconcileTests : IDisposable
{
    private readonly SandboxFactory _app = new();

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private Task<BridgeRow> RowAsync(string id) => Get<LedgerDatabase>().ReadAsync(async ledger => (await BridgeStore.GetAsync(ledger, id))!);

    [Fact]
    public async Task A_Bridge_Accepted_And_Not_Yet_Burned_Is_Burned_By_Its_Step_Not_By_The_Reconciler()
    {
        var client = _app.NewTenantClient();
        var tenant = await client.TenantAsync();
        var wallet = tenant.Str("settlement_address");
        var ticker = TestTickers.Unique();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 5), HttpStatusCode.OK);

        // As if the process died right after accepting: the holding is off the ledger, the burn never ran.
        var row = new BridgeRow
        {
            Id = "brg_reconcile_" + ticker, TenantId = tenant.Str("id"), Status = "queued", Token = ticker, TokenName = ticker,
            QuantityMicros = 2_000_000, FromChain = "base", ToChain = "arbitrum", SourceWallet = wallet, Destination = wallet,
            DvnPlan = Dvns.Plan("base", "arbitrum", DvnSettings.Default).Serialize(), CreatedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            CreatedAt = "2026-01-01T00:00:00.000Z", StepDueMs = long.MaxValue,
        };
        row.DeadlineMs = row.CreatedMs + (long)Dvns.QuorumWindow.TotalMilliseconds;
        await Get<LedgerDatabase>().WriteAsync(async ledger =>
        {
            Assert.True(await PositionStore.TryRemoveAsync(ledger, row.TenantId, ticker, wallet.ToLowerInvariant(), "base", 2m));
            await BridgeStore.InsertAsync(ledger, row);
        });

        Assert.Empty(await Get<ChainReconciler>().ReconcileAsync(CancellationToken.None));
        Assert.Equal(5m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));

        row = await RowAsync(row.Id);
        row.StepDueMs = row.CreatedMs;
        await Get<LedgerDatabase>().WriteAsync(ledger => BridgeStore.UpdateAsync(ledger, row));
        var burned = await Get<BridgeSettlement>().AdvanceAsync(row.TenantId, row.Id);
        Assert.NotNull(burned!.BurnTxHash);
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Empty(await Get<ChainReconciler>().ReconcileAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_Unwind_And_A_Delivery_On_Chain_Before_The_Ledger_Are_Recorded_Once_From_The_Chain()
    {
        var client = _app.NewTenantClient();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        var ticker = TestTickers.Unique();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 5), HttpStatusCode.OK);
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 1, chain: "arbitrum"), HttpStatusCode.OK);
        var delivering = (await (await client.BridgeAsync(ticker, 2, "base", "arbitrum")).JsonAsync()).Str("id");
        await client.SetDvnsAsync("""{"withhold":["LayerZero Labs","Nethermind"]}""");
        var unwinding = (await (await client.BridgeAsync(ticker, 1, "base", "arbitrum")).JsonAsync()).Str("id");
        Assert.Equal("sent", (await client.BridgeAtAsync(delivering, "+15s")).Str("status"));

        // As if the process died between each on-chain effect and its ledger commit.
        var delivered = await Get<BridgeChainEffects>().DeliverAsync(await RowAsync(delivering), CancellationToken.None);
        var unwound = await Get<BridgeChainEffects>().UnwindAsync(await RowAsync(unwinding), CancellationToken.None);
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Empty(await Get<ChainReconciler>().ReconcileAsync(CancellationToken.None));

        var done = await client.BridgeAtAsync(delivering, "+11m");
        Assert.Equal("delivered", done.Str("status"));
        Assert.Equal(delivered.TransactionHash, done.GetProperty("destination_mint").Str("tx_hash"));
        var reverted = await (await client.GetAsync($"/v1/bridges/{unwinding}")).JsonAsync();
        Assert.Equal("reverted", reverted.Str("status"));
        Assert.Equal(unwound.TransactionHash, reverted.GetProperty("unwind").Str("tx_hash"));

        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
        Assert.Empty(await Get<ChainReconciler>().ReconcileAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_Burn_The_Ledger_Recorded_And_The_Chain_Lost_Is_Burned_By_The_Reconciler_So_The_Delivery_Leaves_Every_Chain_Equal_To_The_Ledger()
    {
        var client = _app.NewTenantClient();
        var wallet = (await client.TenantAsync()).Str("settlement_address");
        var ticker = TestTickers.Unique();
        ProblemAssert.IsStatus(await client.MintAsync(ticker, 5), HttpStatusCode.OK);

        // As if the chain's saved state predated the burn when the process died: the ledger has it, the chain not.
        var rpc = Get<DevchainHost>().Cluster["base"].Rpc;
        var snapshot = await rpc.SendRequestAsync<string>("evm_snapshot", null);
        var id = (await (await client.BridgeAsync(ticker, 2, "base", "arbitrum")).JsonAsync()).Str("id");
        Assert.NotNull((await RowAsync(id)).BurnTxHash);
        Assert.True(await rpc.SendRequestAsync<bool>("evm_revert", null, snapshot));
        Assert.Equal(5m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));

        var repair = Assert.Single(await Get<ChainReconciler>().ReconcileAsync(CancellationToken.None));
        Assert.Equal((5m, 3m), (repair.Chain, repair.Ledger));
        Assert.Equal("delivered", (await client.BridgeAtAsync(id, "+2m")).Str("status"));

        Assert.Equal(3m, await client.HeldAsync(ticker, wallet, "base"));
        Assert.Equal(2m, await client.HeldAsync(ticker, wallet, "arbitrum"));
        Assert.Equal(3m, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        Assert.Equal(2m, await ChainReads.TokenBalanceAsync(client, ticker, "arbitrum", wallet));
        Assert.Empty(await Get<ChainReconciler>().ReconcileAsync(CancellationToken.None));
    }

    public void Dispose() => _app.Dispose();
}
