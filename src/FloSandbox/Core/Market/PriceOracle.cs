namespace FloSandbox.Core.Market;

// Synthetic prices: a pure function of (ticker, instant) - see PriceCurve. The price ticks every 15 s while
// the market is open and stays at the closing tick while it is shut. Callers pass the tenant's clock.
public sealed class PriceOracle
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan MaxTwapWindow = TimeSpan.FromDays(1);

    private readonly MarketHours _hours;
    private readonly Dictionary<string, PriceCurve> _curves;
    private readonly double _defaultBand = Band(AssetClass.LargeCapEquity);

    public PriceOracle(MarketHours hours, TokenCatalog catalog)
    {
        _hours = hours;
        _curves = new Dictionary<string, PriceCurve>(catalog.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var token in catalog.All)
        {
            var curve = PriceCurve.For(token.Ticker, Band(token.AssetClass));
            _curves[token.Ticker] = PriceAnchors.Apply(token.Ticker, curve);
        }
    }

    public PriceQuote Quote(string ticker, DateTimeOffset now, PriceOverride? priceOverride = null)
    {
        var asOf = TickAt(now);
        var price = PriceAtTick(ticker, asOf);
        if (priceOverride is not null)
        {
            price = priceOverride.Apply(price);
        }

        return new PriceQuote(price, asOf, now - asOf > StaleAfter);
    }

    // Mean of the quoted prices at the last max(1, window / 15 s) ticks at or before now (a tick inside a
    // closed period quotes the close), rounded to cents. Liquidations use a 30 s window: two ticks.
    public decimal Twap(string ticker, DateTimeOffset now, TimeSpan window, PriceOverride? priceOverride = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxTwapWindow);
        var count = Math.Max(1, (int)(window.Ticks / TickInterval.Ticks));
        var last = FloorToTick(now);
        var sum = 0m;
        for (var i = 0; i < count; i++)
        {
            sum += Quote(ticker, last - i * TickInterval, priceOverride).Price;
        }

        return ToCents(sum / count);
    }

    // The tick a price read at `now` belongs to: the current 15 s tick while open, else the last close.
    public DateTimeOffset TickAt(DateTimeOffset now) =>
        _hours.IsOpen(now) ? FloorToTick(now) : _hours.LastCloseAtOrBefore(now);

    internal static decimal ToCents(decimal price) => Math.Round(price, 2, MidpointRounding.AwayFromZero);

    private decimal PriceAtTick(string ticker, DateTimeOffset tick)
    {
        var curve = _curves.TryGetValue(ticker, out var known)
            ? known
            : PriceAnchors.Apply(ticker, PriceCurve.For(ticker, _defaultBand));
        return ToCents((decimal)curve.At(tick.ToUnixTimeSeconds()));
    }

    private static DateTimeOffset FloorToTick(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TickInterval.Ticks, TimeSpan.Zero);
    }

    private static double Band(AssetClass assetClass) => assetClass.Profile().PriceBandBps / 10_000.0;
}
