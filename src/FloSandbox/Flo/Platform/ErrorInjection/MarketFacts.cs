using FloSandbox.Core.Market;

namespace FloSandbox.Flo.Platform.ErrorInjection;

/// The market facts error injection draws plausible values from.
public sealed class MarketFacts(TokenCatalog catalog, PriceOracle oracle, MarketHours hours) : IMarketFacts
{
    public AssetFacts? Lookup(string ticker, DateTimeOffset now) =>
        catalog.TryGet(ticker, out var token)
            ? new AssetFacts(token.Ticker, oracle.Quote(token.Ticker, now).Price, token.Venue, token.AssetClass.Profile().MaxLtvBps)
            : null;

    public DateTimeOffset NextSessionAfter(DateTimeOffset now) => hours.NextSessionAfter(now);
}
