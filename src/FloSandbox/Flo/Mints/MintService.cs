using FloSandbox.Core.Chain;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Mints;

/// `POST /v1/mint`: validate, price, check guardrails and funds, debit, then settle inline inside the
/// market session or queue for the next one. Outside the session a non-fractional asset is refused.
public sealed class MintService(
    LedgerDatabase db, TokenCatalog catalog, TenantPrices prices, MarketHours hours, MintGuardrails guardrails,
    DeploymentRegistry deployments, MintSettler settler, MintStore store, TenantWallets wallets, OutboxStore outbox)
{
    public const string FailAtHeader = "X-Flo-Fail-At";

    public async Task<MintView> MintAsync(TenantContext caller, MintRequest request, string? failAt, CancellationToken ct)
    {
        var order = MintOrder.From(request, catalog, caller);
        if (failAt is not null and not "fill")
        {
            throw FloException.Invalid(FailAtHeader, $"{FailAtHeader} must be 'fill'; got '{failAt}'.");
        }
        var now = caller.Now;
        var open = hours.IsOpen(now);
        if (!open && !order.Token.Fractional)
        {
            throw FloErrors.MarketClosedNonFractional(order.Token.Ticker, order.Token.Venue, hours.NextSessionAfter(now), now).ToException();
        }

        var quote = await prices.QuoteAsync(caller.TenantId, order.Token.Ticker, now);
        var pricing = MintPricing.For(quote.Price, order.Quantity, order.DeveloperFeeBps);
        var row = NewRow(caller, order, pricing, now, open ? "pending" : "queued", failAt);
        row.ContractAddress = deployments.Predicted(order.Token.Ticker).ToString();
        if (!open)
        {
            row.QueuedAt = row.CreatedAt;
            row.FillDueMs = hours.NextSessionAfter(now).ToUnixTimeMilliseconds();
        }

        // A first mint on the chain also pays the deployment, so the balance must cover the expected charge too.
        var deployEstimate = deployments.Find(order.Chain, order.Token.Ticker) is null ? MintPricing.DeployChargeEstimate(order.Chain) : 0m;
        await AcceptAsync(row, order, pricing, deployEstimate, now);
        if (!open)
        {
            return await CollectQueuedPaymentAsync(row, now, ct);
        }
        if (failAt == "fill")
        {
            return (await settler.FailAsync(row, "broker_rejected: the broker rejected the fill (injected by X-Flo-Fail-At)", false, now)).ToView();
        }
        Devchain.Contracts.TokenMint minted;
        try
        {
            minted = await settler.ExecuteOnChainAsync(row, row.Total, ct);
        }
        catch (DevchainException ex)
        {
            return await FailOnChainErrorAsync(row, ex, now);
        }
        return (await settler.SettleAsync(row, minted, recordFill: true, now)).ToView();
    }

    private async Task AcceptAsync(MintRow row, MintOrder order, MintPricing pricing, decimal deployEstimate, DateTimeOffset now)
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
            await MintStore.InsertAsync(ledger, row);
            if (row.Status == "queued")
            {
                await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintQueued, row.ToView(), now);
            }
        });
        if (row.Status == "queued")
        {
            outbox.NotifyAppended();
        }
    }

    /// A queued mint pays at acceptance: the stablecoins leave the payer's wallet now, the tokens arrive at the fill.
    private async Task<MintView> CollectQueuedPaymentAsync(MintRow row, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var receipt = await wallets.Coin(Enum.Parse<Currency>(row.Currency))
                .BurnAsync(Devchain.Encoding.EvmAddress.Parse(row.Payer), Devchain.Contracts.TokenUnits.ToUnits(row.Total), ct);
            row.PaymentTxHash = receipt.TransactionHash;
            await db.WriteAsync(ledger => MintStore.UpdateAsync(ledger, row), ct);
            return row.ToView();
        }
        catch (DevchainException ex)
        {
            return await FailOnChainErrorAsync(row, ex, now);
        }
    }

    /// The chain refused (reverted) or did not answer: the mint ends failed and refunded, as the docs'
    /// state machine says; a chain that did not answer is also a 503 for this request.
    private async Task<MintView> FailOnChainErrorAsync(MintRow row, DevchainException ex, DateTimeOffset now)
    {
        var failed = await settler.FailAsync(row, MintSettler.FailureReason(ex), false, now);
        if (ex is DevchainUnavailableException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
        }
        return failed.ToView();
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
        if (page.StartingAfter is { } after && !await store.ExistsAsync(caller.TenantId, after, ct))
        {
            throw FloException.Invalid("starting_after", $"starting_after '{after}' is not a mint on this account.");
        }
        var rows = await store.ListAsync(caller.TenantId, page, status, ct);
        var data = rows.Take(page.Limit).Select(r => r.ToView()).ToList();
        var hasMore = rows.Count > page.Limit;
        return new ListResponse<MintView>(data, hasMore, hasMore ? data[^1].Id : null);
    }

    private static MintRow NewRow(TenantContext caller, MintOrder order, MintPricing p, DateTimeOffset now, string status, string? failAt) => new()
    {
        Id = FloIds.New("mnt"), TenantId = caller.TenantId, Status = status, Asset = order.Token.Ticker, AssetName = order.Token.Name,
        QuantityMicros = Money.ToMicros(order.Quantity), Price = Money.Usd(p.Price), NotionalMicros = Money.ToMicros(p.Notional),
        FloFeeBps = p.FloFeeBps, FloFeeMicros = Money.ToMicros(p.FloFee), OnrampMicros = Money.ToMicros(p.Onramp),
        BrokerMicros = Money.ToMicros(p.Broker), SpreadMicros = Money.ToMicros(p.Spread), DeveloperFeeBps = order.DeveloperFeeBps,
        DeveloperFeeDestination = order.DeveloperFeeDestination, DeveloperFeeMicros = Money.ToMicros(p.DeveloperFee),
        TotalMicros = Money.ToMicros(p.Total), Currency = order.Currency.ToString(),
        Chain = order.Chain, Wallet = order.Wallet, Payer = caller.Tenant.SettlementAddress, FailAt = failAt,
        CreatedMs = now.ToUnixTimeMilliseconds(), CreatedAt = TenantClockService.Format(now),
    };
}
