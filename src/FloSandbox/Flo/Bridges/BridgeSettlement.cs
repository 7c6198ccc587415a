using FloSandbox.Core.Chain;
using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Flo.Platform.Events;

namespace FloSandbox.Flo.Bridges;

/// Advances an accepted bridge through its steps, each durable and due on the tenant clock: the source
/// burn at once; at the quorum (the third DVN attestation) `sent`; at the route's latency the destination
/// mint and `delivered` (retried on failure, see BridgeSettlement.Delivery.cs); or, when no quorum forms in ten
/// minutes, the unwind and `reverted`. Every step runs under the bridge's lock and inside the tenant's gate,
/// performs at most one on-chain effect (with the bridge's effect id) and then commits the ledger's side with the
/// next step's due time.
public sealed partial class BridgeSettlement(
    LedgerDatabase db, BridgeChainEffects effects, DeploymentRegistry deployments, OutboxStore outbox,
    TenantRegistry tenants, OrderSteps steps, ILogger<BridgeSettlement> logger) : IOrderStepper<BridgeRow>
{
    private static readonly TimeSpan ChainRetry = TimeSpan.FromSeconds(5);

    /// Runs every step of the bridge that is due now; returns the bridge as it stands (null when it is gone).
    /// A chain that does not answer leaves the step due again after a pause.
    public async Task<BridgeRow?> AdvanceAsync(string tenantId, string bridgeId) =>
        (await steps.AdvanceAsync(this, tenantId, bridgeId, firstAttempt: false)).Order;

    /// As the accepting request waits for it (see <see cref="OrderSteps.AdvanceWithinAsync"/>).
    public async Task<BridgeRow?> AdvanceWithinAsync(string tenantId, string bridgeId, TimeSpan wait, CancellationToken ct) =>
        (await steps.AdvanceWithinAsync(this, tenantId, bridgeId, firstAttempt: false, wait, ct)).Order;

    string IOrderStepper<BridgeRow>.Kind => "bridge";

    Task<BridgeRow?> IOrderStepper<BridgeRow>.ReadAsync(LedgerSession ledger, string id) => BridgeStore.GetAsync(ledger, id);

    Task IOrderStepper<BridgeRow>.StepAsync(BridgeRow row, TenantClock clock) => StepAsync(row, clock.GetUtcNow());

    /// A destination chain that does not answer the relayer's attempt counts as a failed attempt; any other step
    /// (and the last check before an incident) is simply due again after a pause.
    Task IOrderStepper<BridgeRow>.ChainUnavailableAsync(BridgeRow row, TenantClock clock, bool firstAttempt) =>
        row is { State: BridgeStatus.Sent, DeliveryRetriesSpent: false }
            ? DeliveryFailedAsync(row, $"destination_chain_unavailable: the {row.ToChain} devchain did not answer the destination mint.")
            : RetryLaterAsync(row, clock.GetUtcNow() + ChainRetry);

    private Task StepAsync(BridgeRow row, DateTimeOffset now) => row.State switch
    {
        BridgeStatus.Queued when row.BurnTxHash is null => BurnAsync(row, now),
        BridgeStatus.Queued when row.QuorumMs is not null => SendAsync(row, now),
        BridgeStatus.Queued => UnwindAsync(row),
        BridgeStatus.Sent when row.DeliveryRetriesSpent => OpenIncidentAsync(row),
        BridgeStatus.Sent => DeliverAsync(row),
        _ => RetryLaterAsync(row, null),
    };

    /// The next step's due time on the tenant clock; null when the bridge has nothing left to do.
    private static long? NextDue(BridgeRow row, long nowMs) => row.State switch
    {
        BridgeStatus.Queued when row.BurnTxHash is null => nowMs,
        BridgeStatus.Queued => row.QuorumMs ?? row.DeadlineMs,
        BridgeStatus.Sent => DeliveryRetries.DueMs(row, row.DeliveryAttempts),
        _ => null,
    };

    private async Task BurnAsync(BridgeRow row, DateTimeOffset now)
    {
        TokenBurn burned;
        try
        {
            burned = await effects.BurnAsync(row, CancellationToken.None);
        }
        catch (TransactionRevertedException ex)
        {
            // Nothing left the source wallet: the bridge ends reverted with the holding given back.
            await RevertAsync(row, $"source_burn_reverted: {ex.Message}", now);
            return;
        }
        row.BurnTxHash = burned.TransactionHash;
        row.BurnGasUsed = (long)burned.GasUsed;
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(ledger => BridgeStore.UpdateAsync(ledger, row));
    }

    private async Task SendAsync(BridgeRow row, DateTimeOffset now)
    {
        row.MoveTo(BridgeStatus.Sent);
        row.SentAt = BridgeRow.Format(row.QuorumMs!.Value);
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(async ledger =>
        {
            await BridgeStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, BridgeEvents.Sent, row.ToView(now), now);
        });
        outbox.NotifyAppended();
    }

    private async Task UnwindAsync(BridgeRow row)
    {
        var minted = await effects.UnwindAsync(row, CancellationToken.None);
        row.UnwindTxHash = minted.TransactionHash;
        row.UnwindGasUsed = (long)minted.GasUsed;
        var attested = row.Plan.OffsetsMs.Count(o => o is { } offset && offset <= Dvns.QuorumWindow.TotalMilliseconds);
        var reason = row.TimeoutInjected
            ? "dvn_quorum_timeout: the DVN quorum did not form (X-Flo-Error: bridge_dvn_timeout). The source burn was unwound."
            : $"dvn_quorum_timeout: {attested} of {Dvns.Names.Count} DVNs attested within {Dvns.QuorumWindow.TotalMinutes:0} minutes; "
                + $"{Dvns.Required} are required. The source burn was unwound.";
        await RevertAsync(row, reason, (await tenants.GetByIdAsync(row.TenantId)).Clock.GetUtcNow());
    }

    /// Ends the bridge reverted and gives the holding back on the source chain, in one transaction.
    private async Task RevertAsync(BridgeRow row, string reason, DateTimeOffset now)
    {
        row.MoveTo(BridgeStatus.Reverted);
        row.FailureReason = reason;
        row.RevertedAt = BridgeRow.Format(now.ToUnixTimeMilliseconds());
        await EndAsync(row, row.FromChain, row.SourceWallet, BridgeEvents.Reverted, now);
    }

    /// Writes the ended bridge, credits the holding where its tokens now are and appends its final event, in one
    /// transaction.
    private async Task EndAsync(BridgeRow row, string chain, string wallet, string eventType, DateTimeOffset now)
    {
        row.StepDueMs = null;
        await db.WriteAsync(async ledger =>
        {
            await BridgeStore.UpdateAsync(ledger, row);
            await PositionStore.AddAsync(ledger, row.TenantId, row.Token, wallet.ToLowerInvariant(), chain, row.Quantity);
            await FloEvents.AppendAsync(ledger, row.TenantId, eventType, row.ToView(now), now);
        });
        outbox.NotifyAppended();
    }

    private Task RetryLaterAsync(BridgeRow row, DateTimeOffset? at)
    {
        row.StepDueMs = at?.ToUnixTimeMilliseconds();
        return db.WriteAsync(ledger => BridgeStore.UpdateAsync(ledger, row));
    }
}
