using FloSandbox.Core.Chain;
using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Flo.Platform.Idempotency;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Redeems;

/// `POST /v1/redeem`: validate, then accept the redeem in one ledger transaction (the order, the holding's
/// decrease, its event and its idempotency claim), and settle it as durable work: burn the tokens, fill at
/// the NAV (at once inside the session, at the next open outside it), pay the proceeds out on chain.
public sealed class RedeemService(
    LedgerDatabase db, TokenCatalog catalog, TenantPrices prices, MarketHours hours, RedeemGuardrails guardrails, RedeemCoolDown coolDown,
    DeploymentRegistry deployments, RedeemSettlement settlement, RedeemStore store, OutboxStore outbox, IHoldingOrigins origins, IOptions<RedeemOptions> options)
{
    /// `X-Flo-Fail-At: fill` (sandbox-only): the broker rejects the offset; the redeem fails and the tokens are minted back.
    public static readonly RouteFailsAt FailsAt = new("^fill$",
        "Sandbox-only: `fill` makes the broker reject this redeem's offset: it ends `failed` (`broker_rejected: …`), the holding is "
        + "given back and the burned tokens are minted back to the holder on chain.", "'fill'");

    public async Task<RedeemView> RedeemAsync(TenantContext caller, RedeemRequest request, string? failAt, IdempotencyClaim? claim, CancellationToken ct)
    {
        var order = RedeemOrder.From(request, caller);
        FailsAt.Check(failAt);
        var now = caller.Now;
        var row = await AcceptAsync(caller, order, failAt, claim, now);

        // The request waits while the steps are quick; it never cancels them (a hang-up only stops the wait).
        var (outcome, advanced) = await settlement.AdvanceWithinAsync(row.TenantId, row.Id, options.Value.InlineWait, ct);
        var current = advanced ?? row;
        if (outcome == StepOutcome.ChainUnavailable && current.State == RedeemStatus.Failed)
        {
            throw FloErrors.ServiceUnavailable($"The {current.Chain} devchain did not answer: the redeem failed and the holding was restored ({current.Id}).").ToException();
        }
        return current.ToView();
    }

    /// One transaction: resolve the position, check the wallet's cool-down, take the quantity out of the holding,
    /// check and count the block guardrail, record the redeem, its first event and the idempotency claim. Anything
    /// refused leaves the ledger as it was, but for the cool-down a refusal starts.
    private async Task<RedeemRow> AcceptAsync(TenantContext caller, RedeemOrder order, string? failAt, IdempotencyClaim? claim, DateTimeOffset now)
    {
        var (row, refusal) = await db.WriteAsync<(RedeemRow?, FloError?)>(async ledger =>
        {
            var position = await RedeemPositions.ResolveAsync(ledger, catalog, origins, caller.TenantId, order.PositionId);
            var token = position.Token;
            if (!token.Fractional && order.Quantity != decimal.Truncate(order.Quantity))
            {
                throw FloException.Invalid("quantity", $"{token.Ticker} is non-fractional: quantity must be a whole number; got {order.Quantity}.");
            }
            var open = hours.IsOpen(now);
            if (!open && !token.Fractional)
            {
                throw FloErrors.MarketClosedNonFractional(token.Ticker, token.Venue, hours.NextSessionAfter(now), now).ToException();
            }
            var insufficient = FloErrors.InsufficientPosition(order.PositionId, position.Held, order.Quantity);
            if (order.Quantity > position.Held)
            {
                throw insufficient.ToException();
            }
            if (await coolDown.CheckAsync(ledger, caller.TenantId, token.Ticker, position.Wallet, order.Quantity, now) is { } coolingDown)
            {
                return (null, coolingDown);
            }
            if (!await PositionStore.TryRemoveAsync(ledger, caller.TenantId, token.Ticker, position.Wallet.ToLowerInvariant(), position.Chain, order.Quantity))
            {
                throw insufficient.ToException();
            }
            var row = NewRow(caller, order, position, failAt, now);
            var notional = decimal.Round((await prices.QuoteAsync(caller.TenantId, token.Ticker, now)).Price * order.Quantity, 2, MidpointRounding.AwayFromZero);
            row.GuardrailBlockMs = await guardrails.CheckAndCountAsync(ledger, caller.TenantId, notional, now);
            row.GuardrailMicros = Money.ToMicros(notional);
            row.PayeeTenantId = order.PayoutChain == TenantWallets.HomeChain
                ? await TenantStore.FindBySettlementAddressAsync(ledger, order.PayoutWallet) : null;
            row.FillDueMs = (open ? now : hours.NextSessionAfter(now)).ToUnixTimeMilliseconds();
            await RedeemStore.InsertAsync(ledger, row);
            if (claim is not null)
            {
                await claim.RecordAsync(ledger, IdempotentResource.Name("redeem", row.Id));
            }
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.RedeemQueued, row.ToView(), now);
            return (row, null);
        });
        if (refusal is not null)
        {
            throw refusal.ToException();
        }
        outbox.NotifyAppended();
        return row!;
    }

    public async Task<RedeemView> RetrieveAsync(TenantContext caller, string id, CancellationToken ct) =>
        (await store.GetAsync(caller.TenantId, id, ct))?.ToView()
        ?? throw FloError.Of(FloErrorCatalog.ResourceNotFound, $"No redeem '{id}' on this account.", ("resource", "redeem"), ("id", id)).ToException();

    public async Task<ListResponse<RedeemView>> ListAsync(TenantContext caller, PageRequest page, string? status, CancellationToken ct)
    {
        if (status is not null && !RedeemLifecycle.WireNames.Contains(status))
        {
            throw FloException.Invalid("status", $"status must be {string.Join(", ", RedeemLifecycle.WireNames)}; got '{status}'.");
        }
        await page.CheckCursorAsync(after => store.ExistsAsync(caller.TenantId, after, ct), "redeem");
        var rows = await store.ListAsync(caller.TenantId, page, status, ct);
        return Pages.Of(rows, page, r => r.ToView(), v => v.Id);
    }

    private RedeemRow NewRow(TenantContext caller, RedeemOrder order, RedeemPositions.Resolved position, string? failAt, DateTimeOffset now)
    {
        var at = TenantClockService.Format(now);
        return new RedeemRow
        {
            Id = FloIds.New("rdm"), TenantId = caller.TenantId, Status = RedeemStatus.Queued.Wire(), PositionId = order.PositionId,
            Asset = position.Token.Ticker, AssetName = position.Token.Name, QuantityMicros = Money.ToMicros(order.Quantity),
            Chain = position.Chain, Wallet = position.Wallet,
            ContractAddress = (deployments.Find(position.Chain, position.Token.Ticker)?.Address ?? deployments.Predicted(position.Token.Ticker)).ToString(),
            PayoutCurrency = order.Currency.ToString(), PayoutChain = order.PayoutChain, PayoutWallet = order.PayoutWallet,
            SwapFrom = position.MintedCurrency == order.Currency ? null : position.MintedCurrency.ToString(),
            DeveloperFeeBps = order.DeveloperFeeBps, DeveloperFeeDestination = order.DeveloperFeeDestination, FailAt = failAt,
            CreatedMs = now.ToUnixTimeMilliseconds(), CreatedAt = at, QueuedAt = at, StepDueMs = now.ToUnixTimeMilliseconds(),
        };
    }
}
