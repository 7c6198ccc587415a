using FloSandbox.Core.Chain;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Core.Idempotency;
using FloSandbox.Flo.Platform.Idempotency;
using Microsoft.Extensions.Options;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Mints;

/// `POST /v1/mint`: validate, price, check guardrails and funds, then accept the mint in one ledger
/// transaction (the order, its debit, its event and its idempotency claim), and settle it as durable work:
/// inside the market session it fills at once and the request waits while the settlement is quick, outside
/// it is queued (and paid) for the next session. Outside the session a non-fractional asset is refused.
public sealed class MintService(
    LedgerDatabase db, TokenCatalog catalog, TenantPrices prices, MarketHours hours, MintGuardrails guardrails,
    DeploymentRegistry deployments, MintSettlement settlement, MintStore store, OutboxStore outbox, IOptions<MintOptions> options)
{
    /// `X-Flo-Fail-At: fill` (sandbox-only): the broker rejects the fill; the mint fails and is refunded.
    public static readonly RouteFailsAt FailsAt = new("^fill$",
        "Sandbox-only: `fill` makes the broker reject this mint's fill: it ends `failed` (`broker_rejected: …`) and is refunded in full.", "'fill'");

    public async Task<MintView> MintAsync(TenantContext caller, MintRequest request, string? failAt, IdempotencyClaim? claim, CancellationToken ct)
    {
        var order = MintOrder.From(request, catalog, caller);
        FailsAt.Check(failAt);
        var now = caller.Now;
        var open = hours.IsOpen(now);
        if (!open && !order.Token.Fractional)
        {
            throw FloErrors.MarketClosedNonFractional(order.Token.Ticker, order.Token.Venue, hours.NextSessionAfter(now), now).ToException();
        }

        var quote = await prices.QuoteAsync(caller.TenantId, order.Token.Ticker, now);
        var pricing = MintPricing.For(quote.Price, order.Quantity, order.DeveloperFeeBps);
        var row = NewRow(caller, order, pricing, now, open ? MintStatus.Filled : MintStatus.Queued, failAt);
        row.ContractAddress = deployments.Predicted(order.Token.Ticker).ToString();
        if (open)
        {
            row.FilledAt = row.CreatedAt;
        }
        else
        {
            row.QueuedAt = row.CreatedAt;
            row.FillDueMs = hours.NextSessionAfter(now).ToUnixTimeMilliseconds();
        }
        // The first step (the settlement, or a queued mint's payment) is due at once.
        row.StepDueMs = now.ToUnixTimeMilliseconds();

        // A first mint on the chain also pays the deployment, so the balance must cover the expected charge too.
        var deployEstimate = deployments.Find(order.Chain, order.Token.Ticker) is null ? MintPricing.DeployChargeEstimate(order.Chain) : 0m;
        await AcceptAsync(row, order, pricing, deployEstimate, open && failAt == "fill", claim, now);

        // The request waits while the first steps are quick; it never cancels them (a hang-up only stops the wait).
        var (outcome, advanced) = await settlement.AdvanceWithinAsync(row.TenantId, row.Id, options.Value.InlineWait, ct);
        var current = advanced ?? row;
        if (outcome == StepOutcome.ChainUnavailable && current.State == MintStatus.Failed)
        {
            throw FloErrors.ServiceUnavailable($"The {current.Chain} devchain did not answer: the mint failed and was refunded ({current.Id}).").ToException();
        }
        return current.ToView();
    }

    /// One transaction: guardrails, the debit, the mint, its first event and the idempotency claim. A fill the
    /// broker rejects (X-Flo-Fail-At: fill inside the session) ends failed and refunded in the same transaction.
    private async Task AcceptAsync(MintRow row, MintOrder order, MintPricing pricing, decimal deployEstimate, bool rejectedAtFill,
        IdempotencyClaim? claim, DateTimeOffset now)
    {
        var currency = order.Currency;
        var required = row.Total + deployEstimate;
        await db.WriteAsync(async ledger =>
        {
            await guardrails.CheckAndCountAsync(ledger, row.TenantId, order, pricing.Notional, now);
            if (!await BalanceStore.TryDebitAsync(ledger, row.TenantId, currency, row.Total, required))
            {
                var available = (await BalanceStore.GetAsync(ledger, row.TenantId))[currency];
                throw FloErrors.InsufficientFunds(required, available, currency.ToString()).ToException();
            }
            if (rejectedAtFill)
            {
                row.MoveTo(MintStatus.Failed);
                row.FilledAt = null;
                row.FailureReason = MintSettlement.BrokerRejected;
                row.FailedAt = row.CreatedAt;
                row.StepDueMs = null;
                await BalanceStore.CreditAsync(ledger, row.TenantId, currency, row.Total);
                await guardrails.ReleaseAsync(ledger, row);
            }
            await MintStore.InsertAsync(ledger, row);
            if (claim is not null)
            {
                await claim.RecordAsync(ledger, IdempotentResource.Name("mint", row.Id));
            }
            var (type, view) = row.State switch
            {
                MintStatus.Queued => (EventTypes.MintQueued, row.ToView()),
                MintStatus.Filled => (EventTypes.MintFilled, row.ToFilledView()),
                _ => (EventTypes.MintFailed, row.ToView()),
            };
            await FloEvents.AppendAsync(ledger, row.TenantId, type, view, now);
        });
        outbox.NotifyAppended();
    }

    public async Task<MintView> RetrieveAsync(TenantContext caller, string id, CancellationToken ct) =>
        (await store.GetAsync(caller.TenantId, id, ct))?.ToView()
        ?? throw FloError.Of(FloErrorCatalog.ResourceNotFound, $"No mint '{id}' on this account.", ("resource", "mint"), ("id", id)).ToException();

    public async Task<ListResponse<MintView>> ListAsync(TenantContext caller, PageRequest page, string? status, CancellationToken ct)
    {
        if (status is not null and not ("queued" or "filled" or "settled" or "failed"))
        {
            throw FloException.Invalid("status", $"status must be queued, filled, settled or failed; got '{status}'.");
        }
        await page.CheckCursorAsync(after => store.ExistsAsync(caller.TenantId, after, ct), "mint");
        var rows = await store.ListAsync(caller.TenantId, page, status, ct);
        return Pages.Of(rows, page, r => r.ToView(), v => v.Id);
    }

    private static MintRow NewRow(TenantContext caller, MintOrder order, MintPricing p, DateTimeOffset now, MintStatus status, string? failAt) => new()
    {
        Id = FloIds.New("mnt"), TenantId = caller.TenantId, Status = status.Wire(), Asset = order.Token.Ticker, AssetName = order.Token.Name,
        QuantityMicros = Money.ToMicros(order.Quantity), Price = Money.Usd(p.Price), NotionalMicros = Money.ToMicros(p.Notional),
        FloFeeBps = p.FloFeeBps, FloFeeMicros = Money.ToMicros(p.FloFee), OnrampMicros = Money.ToMicros(p.Onramp),
        BrokerMicros = Money.ToMicros(p.Broker), SpreadMicros = Money.ToMicros(p.Spread), DeveloperFeeBps = order.DeveloperFeeBps,
        DeveloperFeeDestination = order.DeveloperFeeDestination, DeveloperFeeMicros = Money.ToMicros(p.DeveloperFee),
        TotalMicros = Money.ToMicros(p.Total), Currency = order.Currency.ToString(),
        Chain = order.Chain, Wallet = order.Wallet, Payer = caller.Tenant.SettlementAddress, FailAt = failAt,
        CreatedMs = now.ToUnixTimeMilliseconds(), CreatedAt = TenantClockService.Format(now),
    };
}
