namespace FloSandbox.Core.Market;

// Configured as Market:Mode = auto | open | closed.
public enum MarketMode
{
    // NYSE core session on the tenant clock.
    Auto,

    // Always open: deterministic CI where every mint settles inline and prices tick around the clock.
    AlwaysOpen,

    // Always closed: deterministic CI for the queued / market_closed_non_fractional paths.
    AlwaysClosed,
}
