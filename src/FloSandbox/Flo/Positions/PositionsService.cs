using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Catalog;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using FloSandbox.Flo.Platform.Views;

namespace FloSandbox.Flo.Positions;

/// Positions as the docs describe them: per token and wallet, quantity summed over chains, live NAV,
/// yield by asset class, and the attestation URL.
public sealed class PositionsService(PositionStore store, TokenCatalog catalog, TenantPrices prices, DeploymentRegistry deployments)
{
    public async Task<PositionView> GetAsync(TenantContext caller, string token, string? wallet, CancellationToken ct)
    {
        var info = catalog.Require(token);
        var owner = wallet is null ? caller.Tenant.SettlementAddress : EvmAddresses.Require(wallet, "wallet");
        var holdings = await store.FindAsync(caller.TenantId, info.Ticker, owner.ToLowerInvariant(), ct);
        if (holdings.Count == 0)
        {
            var id = PositionId(info.Ticker, owner);
            throw FloError.Of(FloErrorCatalog.PositionNotFound, $"Wallet {owner} holds no {info.Ticker} on this account.",
                ("position_id", id)).ToException();
        }
        return await ViewAsync(caller, info, owner, holdings);
    }

    public async Task<ListResponse<PositionView>> ListAsync(TenantContext caller, PageRequest page, string? wallet, string? token, CancellationToken ct)
    {
        string? ticker = null;
        if (token is not null)
        {
            ticker = catalog.TryGet(token, out var t) ? t.Ticker : throw FloException.Invalid("token", $"token '{token}' is not a ticker in the universe.");
        }
        var owner = wallet is null ? null : EvmAddresses.Require(wallet, "wallet").ToLowerInvariant();
        var groups = (await store.FindAsync(caller.TenantId, ticker, owner, ct))
            .GroupBy(h => (h.Ticker, h.Wallet)).ToList();
        var start = 0;
        if (page.StartingAfter is { } after)
        {
            var index = groups.FindIndex(g => PositionId(g.Key.Ticker, g.Key.Wallet) == after);
            start = index >= 0 ? index + 1 : throw FloException.Invalid("starting_after", $"starting_after '{after}' is not a position on this account.");
        }
        var data = new List<PositionView>();
        foreach (var group in groups.Skip(start).Take(page.Limit))
        {
            catalog.TryGet(group.Key.Ticker, out var info);
            data.Add(await ViewAsync(caller, info!, Devchain.Encoding.EvmAddress.Parse(group.Key.Wallet).ToString(), [.. group]));
        }
        var hasMore = groups.Count > start + data.Count;
        return new ListResponse<PositionView>(data, hasMore, hasMore ? data[^1].Id : null);
    }

    private async Task<PositionView> ViewAsync(TenantContext caller, TokenInfo info, string wallet, IReadOnlyList<PositionStore.Holding> holdings)
    {
        var now = caller.Now;
        var quote = await prices.QuoteAsync(caller.TenantId, info.Ticker, now);
        var quantity = Money.FromMicros(holdings.Sum(h => h.QuantityMicros));
        var profile = info.AssetClass.Profile();
        return new PositionView(PositionId(info.Ticker, wallet), info.Ticker, wallet, Money.Quantity(quantity),
            Money.Usd(quote.Price * quantity), NavView.Of(quote),
            new YieldView(profile.GrossApyBps, profile.NetApyBps), NavView.AttestationUrl(info.Ticker, now),
            [.. holdings.Select(h => new PositionChainView(h.Chain, Money.Quantity(Money.FromMicros(h.QuantityMicros)),
                (deployments.Find(h.Chain, info.Ticker)?.Address ?? deployments.Predicted(info.Ticker)).ToString()))]);
    }

    public static string PositionId(string ticker, string wallet) => PositionStore.PositionId(ticker, wallet);
}
