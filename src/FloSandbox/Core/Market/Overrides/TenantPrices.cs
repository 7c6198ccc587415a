namespace FloSandbox.Core.Market.Overrides;

/// Prices as one tenant sees them: the deterministic curve, with the tenant's override applied.
public sealed class TenantPrices(PriceOracle oracle, PriceOverrideStore overrides)
{
    public async ValueTask<PriceQuote> QuoteAsync(string tenantId, string ticker, DateTimeOffset now) =>
        oracle.Quote(ticker, now, await overrides.FindAsync(tenantId, ticker));

    public async ValueTask<decimal> TwapAsync(string tenantId, string ticker, DateTimeOffset now, TimeSpan window) =>
        oracle.Twap(ticker, now, window, await overrides.FindAsync(tenantId, ticker));
}
