namespace FloSandbox.Flo.Prices;

/// Exactly one of `price` (pin) or `shock_pct` (percent move applied to the curve, e.g. -30).
public sealed record SetPriceRequest(decimal? Price = null, decimal? ShockPct = null);

public sealed record PriceOverrideView(
    string Ticker,
    string Price,
    string AsOf,
    bool Stale,
    string CurvePrice,
    string? PinnedPrice,
    string? ShockPct)
{
    public string Object => "price_override";
}
