using FloSandbox.Platform.ErrorInjection;

namespace FloSandbox.Market;

/// The market facts error injection draws plausible values from.
public sealed class MarketFacts(TokenCatalog catalog, PriceOracle oracle, MarketHours hours) : IMarketFacts
{
    public AssetFacts? Lookup(string ticker, DateTimeOffset now) =>
        catalog.TryGet(ticker, out var token)
            ? new AssetFacts(token.Ticker, oracle.Quote(token.Ticker, now).Price, token.Venue, token.AssetClass.Profile().MaxLtvBps)
            : null;

    /// The start of the next session that opens strictly after <paramref name="now"/>.
    public DateTimeOffset NextSessionAfter(DateTimeOffset now)
    {
        var session = hours.CurrentOrNextSession(now);
        return session.Open > now ? session.Open : hours.CurrentOrNextSession(session.Close).Open;
    }
}
