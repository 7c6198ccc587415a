using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Flo.Platform.Idempotency;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Bridges;

/// `POST /v1/bridge`: validate, then accept the bridge in one ledger transaction (the order, the holding
/// taken off the source chain, its `bridge.queued` event and its idempotency claim), and settle it as
/// durable work on the tenant clock. The request waits for the source burn while it is quick.
public sealed class BridgeService(
    LedgerDatabase db, TokenCatalog catalog, TenantPrices prices, BridgeGuardrails guardrails, BridgeSettlement settlement, BridgeStore store,
    DvnSettingsStore dvns, OutboxStore outbox)
{
    private static readonly TimeSpan InlineWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UnwindWait = TimeSpan.FromSeconds(30);

    public async Task<BridgeView> BridgeAsync(TenantContext caller, BridgeRequest request, string? failAt, IdempotencyClaim? claim,
        bool timeoutInjected, CancellationToken ct)
    {
        var order = BridgeOrder.From(request, catalog, caller);
        var failDeliveries = BridgeFailAt.Parse(failAt);
        var now = caller.Now;
        var price = (await prices.QuoteAsync(caller.TenantId, order.Token.Ticker, now)).Price;
        var notional = decimal.Round(price * order.Quantity, 2, MidpointRounding.AwayFromZero);
        var settings = timeoutInjected ? DvnSettings.NoneAttest : await dvns.GetAsync(caller.TenantId, ct);
        var plan = Dvns.Plan(order.FromChain, order.ToChain, settings);
        var row = new BridgeRow
        {
            Id = FloIds.New("brg"), TenantId = caller.TenantId, Status = BridgeStatus.Queued.Wire(), Token = order.Token.Ticker,
            TokenName = order.Token.Name, QuantityMicros = Money.ToMicros(order.Quantity),
            NotionalMicros = Money.ToMicros(notional), FromChain = order.FromChain, ToChain = order.ToChain,
            SourceWallet = order.SourceWallet, Destination = order.Destination, DvnPlan = plan.Serialize(), FailDeliveries = failDeliveries,
            CreatedMs = now.ToUnixTimeMilliseconds(), CreatedAt = TenantClockService.Format(now), StepDueMs = now.ToUnixTimeMilliseconds(),
            DeadlineMs = (timeoutInjected ? now : now + Dvns.QuorumWindow).ToUnixTimeMilliseconds(),
        };
        await db.WriteAsync(async ledger =>
        {
            await guardrails.CheckAsync(ledger, row, notional, now);
            var wallet = order.SourceWallet.ToLowerInvariant();
            if (!await PositionStore.TryRemoveAsync(ledger, row.TenantId, row.Token, wallet, row.FromChain, order.Quantity))
            {
                var held = await PositionStore.HeldAsync(ledger, row.TenantId, row.Token, wallet, row.FromChain);
                throw FloErrors.InsufficientPosition(PositionStore.PositionId(row.Token, wallet), held, order.Quantity,
                    $"This account holds {Money.Quantity(held)} {row.Token} on {row.FromChain} at {order.SourceWallet}; "
                    + $"it cannot bridge {Money.Quantity(order.Quantity)}.").ToException();
            }
            await BridgeStore.InsertAsync(ledger, row);
            if (claim is not null)
            {
                await claim.RecordAsync(ledger, IdempotentResource.Name("bridge", row.Id));
            }
            await FloEvents.AppendAsync(ledger, row.TenantId, BridgeEvents.Queued, row.ToView(now), now);
        }, CancellationToken.None);
        outbox.NotifyAppended();

        // The request waits for the burn while it is quick; it never cancels it (a hang-up only stops the wait).
        var current = await settlement.AdvanceWithinAsync(row.TenantId, row.Id, timeoutInjected ? UnwindWait : InlineWait, ct) ?? row;
        return timeoutInjected ? throw TimedOut(current) : current.ToView(caller.Now);
    }

    /// The docs' 504 once the unwind is done: the tokens are back on the source chain when the client sees it.
    private static FloException TimedOut(BridgeRow bridge) => bridge is { State: BridgeStatus.Reverted, UnwindTxHash: { } unwind }
        ? FloError.Of(FloErrorCatalog.BridgeDvnTimeout,
            $"Source burn has been auto-unwound. Tokens are restored on {bridge.FromChain} at tx {unwind}.",
            ("bridge_id", bridge.Id), ("unwind_tx", unwind), ("webhook_fired", BridgeEvents.Reverted)).ToException()
        : FloErrors.ServiceUnavailable($"The DVN quorum of {bridge.Id} timed out and its source burn is still being unwound; GET /v1/bridges/{bridge.Id}.")
            .ToException();

    public async Task<BridgeView> RetrieveAsync(TenantContext caller, string id, CancellationToken ct) =>
        (await store.GetAsync(caller.TenantId, id, ct))?.ToView(caller.Now)
        ?? throw FloError.Of(FloErrorCatalog.ResourceNotFound, $"No bridge '{id}' on this account.", ("resource", "bridge"), ("id", id)).ToException();

    public async Task<ListResponse<BridgeView>> ListAsync(TenantContext caller, PageRequest page, string? status, CancellationToken ct)
    {
        if (status is not null && !BridgeLifecycle.WireValues.Contains(status, StringComparer.Ordinal))
        {
            throw FloException.Invalid("status", $"status must be one of {string.Join(", ", BridgeLifecycle.WireValues)}; got '{status}'.");
        }
        await page.CheckCursorAsync(after => store.ExistsAsync(caller.TenantId, after, ct), "bridge");
        var rows = await store.ListAsync(caller.TenantId, page, status, ct);
        var now = caller.Now;
        return Pages.Of(rows, page, r => r.ToView(now), v => v.Id);
    }
}
