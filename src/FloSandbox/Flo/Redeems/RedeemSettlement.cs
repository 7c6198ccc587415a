using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Ledger.Fees;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Flo.Platform.Events;

namespace FloSandbox.Flo.Redeems;

/// Advances an accepted redeem through its steps, each one durable: the burn, the fill (at the session
/// open), the payout (once its payout pool covers it), and a failed redeem's restore of the burned tokens. Every step runs under the
/// redeem's lock and inside the tenant's gate, performs at most one on-chain effect (with the redeem's
/// effect id, so the chain applies it once however often it is sent) and then commits the ledger's side
/// with the next step's due time. Whoever calls (the request, the scheduler, a restart) runs what is left.
public sealed partial class RedeemSettlement(
    LedgerDatabase db, RedeemChainEffects effects, TenantPrices prices, PayoutPools pools, OutboxStore outbox, OrderSteps steps)
    : IOrderStepper<RedeemRow>
{
    public const string BrokerRejected = "broker_rejected: the broker rejected the offset (injected by X-Flo-Fail-At)";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// Runs every step of the redeem that is due now and returns the redeem as it stands after them (null
    /// when it no longer exists). On the <paramref name="firstAttempt"/>, a chain that does not answer the
    /// burn fails the redeem and restores the holding; later, the step is retried after a pause.
    public Task<(StepOutcome Outcome, RedeemRow? Redeem)> AdvanceAsync(string tenantId, string redeemId, bool firstAttempt) =>
        steps.AdvanceAsync(this, tenantId, redeemId, firstAttempt);

    /// The first attempt, as the accepting request waits for it (see <see cref="OrderSteps.AdvanceWithinAsync"/>).
    public Task<(StepOutcome? Outcome, RedeemRow? Redeem)> AdvanceWithinAsync(string tenantId, string redeemId, TimeSpan wait, CancellationToken ct) =>
        steps.AdvanceWithinAsync(this, tenantId, redeemId, firstAttempt: true, wait, ct);

    string IOrderStepper<RedeemRow>.Kind => "redeem";

    Task<RedeemRow?> IOrderStepper<RedeemRow>.ReadAsync(LedgerSession ledger, string id) => RedeemStore.GetAsync(ledger, id);

    Task IOrderStepper<RedeemRow>.StepAsync(RedeemRow row, TenantClock clock) => StepAsync(row, clock);

    async Task IOrderStepper<RedeemRow>.ChainUnavailableAsync(RedeemRow row, TenantClock clock, bool firstAttempt)
    {
        if (firstAttempt && row.State == RedeemStatus.Queued && row.BurnTxHash is null)
        {
            await FailAsync(row, "settlement_unavailable: the devchain did not answer", clock.GetUtcNow());
            return;
        }
        row.StepDueMs = (clock.GetUtcNow() + RetryAfter).ToUnixTimeMilliseconds();
        await db.WriteAsync(ledger => RedeemStore.UpdateAsync(ledger, row));
    }

    private Task StepAsync(RedeemRow row, TenantClock clock) => row.State switch
    {
        RedeemStatus.Failed => RestoreAsync(row, clock),
        RedeemStatus.Queued when row.BurnTxHash is null => BurnAsync(row, clock),
        RedeemStatus.Queued => FillAsync(row, clock),
        RedeemStatus.Filled => PayoutAsync(row, clock),
        _ => throw new InvalidOperationException($"Redeem {row.Id} is {row.Status}: it has no step left."),
    };

    /// The next step's due time, on the tenant clock; null when the redeem has nothing left to do.
    private static long? NextDue(RedeemRow row, long nowMs) => row.State switch
    {
        RedeemStatus.Failed => row.BurnTxHash is not null && row.RestoreTxHash is null ? nowMs : null,
        RedeemStatus.Queued when row.BurnTxHash is null => nowMs,
        RedeemStatus.Queued => row.FillDueMs,
        RedeemStatus.Filled => nowMs,
        _ => null,
    };

    private async Task BurnAsync(RedeemRow row, TenantClock clock)
    {
        try
        {
            row.BurnTxHash = await effects.BurnAsync(row, CancellationToken.None);
        }
        catch (TransactionRevertedException ex)
        {
            await FailAsync(row, $"burn_reverted: {ex.Message}", clock.GetUtcNow());
            return;
        }
        if (row.FillDueMs <= clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            // The fill is due at once (inside the session): it commits the burn with it.
            await FillAsync(row, clock);
            return;
        }
        await SaveAsync(row, clock);
    }

    private async Task FillAsync(RedeemRow row, TenantClock clock)
    {
        var now = clock.GetUtcNow();
        if (row.FailAt == "fill")
        {
            await FailAsync(row, BrokerRejected, now);
            return;
        }
        var quote = await prices.QuoteAsync(row.TenantId, row.Asset, now);
        row.ApplyPricing(RedeemPricing.For(quote.Price, row.Quantity, (int?)row.DeveloperFeeBps));
        row.MoveTo(RedeemStatus.Filled);
        row.FilledAt = TenantClockService.Format(now);
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(async ledger =>
        {
            await RedeemStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.RedeemFilled, row.ToView(), now);
            await DrawInAsync(ledger, row, now.ToUnixTimeMilliseconds());
        });
        outbox.NotifyAppended();
    }

    /// Pays the proceeds on chain once they are drawn from the payout pool, then records the settlement: the
    /// payee tenant's balance when the payout landed at a settlement address on the home chain, the developer
    /// fee's accrual, and the events.
    private async Task PayoutAsync(RedeemRow row, TenantClock clock)
    {
        if (row.PoolDraw != PayoutPoolStore.Drawn && !await DrawAsync(row, clock))
        {
            return;
        }
        var txHash = await effects.PayoutAsync(row, CancellationToken.None);
        var now = clock.GetUtcNow();
        row.MoveTo(RedeemStatus.Settled);
        row.PayoutTxHash = txHash;
        row.SettledAt = TenantClockService.Format(now);
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(async ledger =>
        {
            if (row.PayeeTenantId is { } payee)
            {
                await BalanceStore.CreditAsync(ledger, payee, Enum.Parse<Currency>(row.PayoutCurrency), row.Proceeds);
            }
            await RedeemStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.RedeemSettled, row.ToView(), now);
            if (row.DeveloperFeeBps is { } bps)
            {
                var accrual = await DeveloperFeeStore.AccrueAsync(ledger, row.TenantId, row.Id, row.DeveloperFeeDestination!, (int)bps,
                    Money.FromMicros(row.DeveloperFeeMicros), now);
                await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.FeeAccrued, new RedeemFeeAccruedEvent(accrual.Id, row.Id,
                    accrual.Destination, (int)accrual.AmountBps, Money.Usd(Money.FromMicros(accrual.AmountMicros)), accrual.AccruedAt), now);
            }
        });
        outbox.NotifyAppended();
    }

    /// Takes the proceeds from the payout pool in turn; a redeem the pool cannot cover yet stays filled, with no
    /// event, and looks again later (raising the pool releases it at once).
    private Task<bool> DrawAsync(RedeemRow row, TenantClock clock) =>
        db.WriteAsync(ledger => DrawInAsync(ledger, row, clock.GetUtcNow().ToUnixTimeMilliseconds()));

    /// The draw inside a transaction that has written the filled redeem (the fill's own, or the payout step's).
    private async Task<bool> DrawInAsync(LedgerSession ledger, RedeemRow row, long nowMs)
    {
        var drawn = await pools.TakeTurnAsync(ledger, row, nowMs);
        row.PoolDraw = drawn ? PayoutPoolStore.Drawn : PayoutPoolStore.Waiting;
        if (!drawn)
        {
            row.StepDueMs = pools.RecheckAt(nowMs);
            await RedeemStore.UpdateAsync(ledger, row);
        }
        return drawn;
    }

    private async Task RestoreAsync(RedeemRow row, TenantClock clock)
    {
        row.RestoreTxHash = await effects.RestoreAsync(row, CancellationToken.None);
        await SaveAsync(row, clock);
    }

    /// Fails the redeem and gives the holding back on the ledger, in one transaction; tokens the chain already
    /// burned are minted back by the next step.
    private async Task FailAsync(RedeemRow row, string reason, DateTimeOffset now)
    {
        row.MoveTo(RedeemStatus.Failed);
        row.FailureReason = reason;
        row.FailedAt = TenantClockService.Format(now);
        row.StepDueMs = NextDue(row, now.ToUnixTimeMilliseconds());
        await db.WriteAsync(async ledger =>
        {
            await PositionStore.AddAsync(ledger, row.TenantId, row.Asset, row.Wallet.ToLowerInvariant(), row.Chain, row.Quantity);
            await RedeemGuardrails.ReleaseAsync(ledger, row);
            await RedeemStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.RedeemFailed, row.ToView(), now);
        });
        outbox.NotifyAppended();
    }

    private Task SaveAsync(RedeemRow row, TenantClock clock)
    {
        row.StepDueMs = NextDue(row, clock.GetUtcNow().ToUnixTimeMilliseconds());
        return db.WriteAsync(ledger => RedeemStore.UpdateAsync(ledger, row));
    }

}
