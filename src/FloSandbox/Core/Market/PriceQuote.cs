namespace FloSandbox.Core.Market;

// AsOf is the tick the price belongs to (UTC); Stale is true when that tick is older than the stale threshold.
public readonly record struct PriceQuote(decimal Price, DateTimeOffset AsOf, bool Stale);
