using FloSandbox.Core.Chain;
using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Ledger.Fees;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Flo.Platform.Events;

namespace FloSandbox.Flo.Mints;

/// Advances an accepted mint through its steps, each one durable: the payment when it is its own effect,
/// the fill, the on-chain mint, and afterwards the refund of a failed mint or the deployment charge.
/// Every step runs under the mint's lock and inside the tenant's gate, performs at most one on-chain
/// effect (with the mint's effect id, so the chain applies it once however often it is sent) and then
/// commits the ledger's side with the next step's due time. Whoever calls (the request that accepted the
/// mint, the scheduler, a restart after a crash) runs exactly what is left; no request token cancels it.
public sealed partial class MintSettlement(
    LedgerDatabase db, MintChainEffects effects, DeploymentRegistry deployments, OutboxStore outbox, MintGuardrails guardrails,
    OrderSteps steps, ILogger<MintSettlement> logger) : IOrderStepper<MintRow>
{
    public const string BrokerRejected = "broker_rejected: the broker rejected the fill (injected by X-Flo-Fail-At)";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// Runs every step of the mint that is due now, and returns the mint as it stands after them (null
    /// when it no longer exists). On the <paramref name="firstAttempt"/> (the request that accepted the mint
    /// waits on it), a chain that does not answer fails the mint and refunds it; later, the step is retried
    /// after a pause.
    public Task<(StepOutcome Outcome, MintRow? Mint)> AdvanceAsync(string tenantId, string mintId, bool firstAttempt) =>
        steps.AdvanceAsync(this, tenantId, mintId, firstAttempt);

    /// The first attempt, as the accepting request waits for it (see <see cref="OrderSteps.AdvanceWithinAsync"/>).
    public Task<(StepOutcome? Outcome, MintRow? Mint)> AdvanceWithinAsync(string tenantId, string mintId, TimeSpan wait, CancellationToken ct) =>
        steps.AdvanceWithinAsync(this, tenantId, mintId, firstAttempt: true, wait, ct);

    string IOrderStepper<MintRow>.Kind => "mint";

    Task<MintRow?> IOrderStepper<MintRow>.ReadAsync(LedgerSession ledger, string id) => MintStore.GetAsync(ledger, id);

    Task IOrderStepper<MintRow>.StepAsync(MintRow row, TenantClock clock) => StepAsync(row, clock);

    async Task IOrderStepper<MintRow>.ChainUnavailableAsync(MintRow row, TenantClock clock, bool firstAttempt)
    {
        if (firstAttempt && row.State == MintStatus.Filled)
        {
            await FailAsync(row, "settlement_unavailable: the devchain did not answer", clock.GetUtcNow());
            return;
        }
        row.StepDueMs = (clock.GetUtcNow() + RetryAfter).ToUnixTimeMilliseconds();
        await db.WriteAsync(ledger => MintStore.UpdateAsync(ledger, row));
    }

    private Task StepAsync(MintRow row, TenantClock clock) => row.State switch
    {
        MintStatus.Failed => RefundAsync(row, clock),
        MintStatus.Settled => CollectDeployChargeAsync(row, clock),
        _ when row.PaysSeparately(TenantWallets.HomeChain) && row.PaymentTxHash is null => CollectPaymentAsync(row, clock),
        MintStatus.Queued => FillAsync(row, clock),
        _ => SettleAsync(row, clock),
    };

    /// The next step's due time, on the tenant clock; null when the mint has nothing left to do.
    private static long? NextDue(MintRow row, long nowMs) => row.State switch
    {
        MintStatus.Failed => row.PaymentTxHash is not null && row.RefundTxHash is null ? nowMs : null,
        MintStatus.Settled => row.DeployChargeMicros > 0 && row.DeployChargeTxHash is null ? nowMs : null,
        _ when row.PaysSeparately(TenantWallets.HomeChain) && row.PaymentTxHash is null => nowMs,
        MintStatus.Queued => row.FillDueMs,
        _ => nowMs,
    };

    private async Task CollectPaymentAsync(MintRow row, TenantClock clock)
    {
        string txHash;
        try
        {
            txHash = await effects.CollectPaymentAsync(row, CancellationToken.None);
        }
        catch (TransactionRevertedException ex)
        {
            await FailAsync(row, $"settlement_reverted: {ex.Message}", clock.GetUtcNow());
            return;
        }
        row.PaymentTxHash = txHash;
        await SaveAsync(row, clock);
    }

    private async Task FillAsync(MintRow row, TenantClock clock)
    {
        var now = clock.GetUtcNow();
        if (row.FailAt == "fill")
        {
            await FailAsync(row, BrokerRejected, now);
            return;
        }
        row.MoveTo(MintStatus.Filled);
        row.FilledAt = TenantClockService.Format(now);
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(async ledger =>
        {
            await MintStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintFilled, row.ToFilledView(), now);
        });
        outbox.NotifyAppended();
    }

    private async Task SettleAsync(MintRow row, TenantClock clock)
    {
        if (row.FailAt == "fill")
        {
            await FailAsync(row, BrokerRejected, clock.GetUtcNow());
            return;
        }
        TokenMint minted;
        try
        {
            minted = await effects.MintAsync(row, row.PaysSeparately(TenantWallets.HomeChain) ? 0m : row.Total, CancellationToken.None);
        }
        catch (TransactionRevertedException ex)
        {
            await FailAsync(row, $"settlement_reverted: {ex.Message}", clock.GetUtcNow());
            return;
        }

        deployments.Record(row.Chain, row.Asset, minted.Token, minted.TransactionHash, minted.BlockNumber);
        var now = clock.GetUtcNow();
        var at = TenantClockService.Format(now);
        row.MoveTo(MintStatus.Settled);
        row.TxHash = minted.TransactionHash;
        row.ContractAddress = minted.Token.ToString();
        row.AutoDeployed = minted.Deployed;
        row.DeployGasUsed = (long)minted.DeployGasPremium;
        row.SettledAt = at;
        var deployCharge = minted.Deployed ? MintPricing.DeployCharge(row.Chain, minted.DeployGasPremium) : 0m;
        await db.WriteAsync(async ledger =>
        {
            var currency = Enum.Parse<Currency>(row.Currency);
            var charged = deployCharge > 0 && await BalanceStore.TryDebitAsync(ledger, row.TenantId, currency, deployCharge) ? deployCharge : 0m;
            row.DeployChargeMicros = Money.ToMicros(charged);
            row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
            await MintStore.UpdateAsync(ledger, row);
            await PositionStore.AddAsync(ledger, row.TenantId, row.Asset, row.Wallet.ToLowerInvariant(), row.Chain, row.Quantity);
            await RecordSettledEventsAsync(ledger, row, minted, now);
        });
        outbox.NotifyAppended();
    }

    private async Task CollectDeployChargeAsync(MintRow row, TenantClock clock)
    {
        try
        {
            row.DeployChargeTxHash = await effects.CollectDeployChargeAsync(row, Money.FromMicros(row.DeployChargeMicros), CancellationToken.None);
        }
        catch (TransactionRevertedException ex)
        {
            // The ledger holds the charge; the start-up reconciliation brings the chain in line.
            LogDeployChargeFailed(logger, ex, row.Id);
            row.DeployChargeTxHash = "";
        }
        await SaveAsync(row, clock);
    }

    private async Task RefundAsync(MintRow row, TenantClock clock)
    {
        row.RefundTxHash = await effects.RefundAsync(row, CancellationToken.None);
        await SaveAsync(row, clock);
    }

    /// Fails the mint and refunds it in full on the ledger, in one transaction; what the chain already
    /// collected is paid back by the next step.
    private async Task FailAsync(MintRow row, string reason, DateTimeOffset now)
    {
        row.MoveTo(MintStatus.Failed);
        row.FailureReason = reason;
        row.FailedAt = TenantClockService.Format(now);
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(async ledger =>
        {
            await BalanceStore.CreditAsync(ledger, row.TenantId, Enum.Parse<Currency>(row.Currency), row.Total);
            await guardrails.ReleaseAsync(ledger, row);
            await MintStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintFailed, row.ToView(), now);
        });
        outbox.NotifyAppended();
    }

    private Task SaveAsync(MintRow row, TenantClock clock)
    {
        row.StepDueMs = NextDue(row, clock.GetUtcNow().ToUnixTimeMilliseconds());
        return db.WriteAsync(ledger => MintStore.UpdateAsync(ledger, row));
    }

    private static async Task RecordSettledEventsAsync(LedgerSession ledger, MintRow row, TokenMint minted, DateTimeOffset now)
    {
        if (minted.Deployed)
        {
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintContractDeployed, new ContractDeployedEvent(
                row.Asset, row.Chain, (long)DevchainChain.Get(row.Chain).ChainId, row.ContractAddress, minted.TransactionHash,
                (long)minted.DeployGasPremium, row.Id), now);
        }
        await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintSettled, row.ToView(), now);
        if (row.DeveloperFeeBps is { } bps)
        {
            var accrual = await DeveloperFeeStore.AccrueAsync(ledger, row.TenantId, row.Id, row.DeveloperFeeDestination!, (int)bps,
                Money.FromMicros(row.DeveloperFeeMicros), now);
            await FloEvents.AppendAsync(ledger, row.TenantId, "fee.accrued", new FeeAccruedEvent(accrual.Id, row.Id,
                accrual.Destination, (int)accrual.AmountBps, Money.Usd(Money.FromMicros(accrual.AmountMicros)), accrual.AccruedAt), now);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collecting the deployment charge of {MintId} on chain failed")]
    private static partial void LogDeployChargeFailed(ILogger logger, Exception ex, string mintId);
}
