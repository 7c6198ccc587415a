using FloSandbox.Platform.Clock;

namespace FloSandbox.Market;

/// The market as the tenant's clock sees it: configured mode, whether the session is open, and when
/// the next one opens (or the current one closes).
public sealed record MarketView(string Mode, bool Open, string? SessionClosesAt, string NextSessionAt)
{
    public static MarketView At(MarketHours hours, MarketFacts facts, DateTimeOffset now)
    {
        var open = hours.IsOpen(now);
        var mode = hours.Mode switch
        {
            MarketMode.AlwaysOpen => "open",
            MarketMode.AlwaysClosed => "closed",
            _ => "auto",
        };
        return new MarketView(mode, open,
            open ? TenantClockService.Format(hours.CurrentOrNextSession(now).Close) : null,
            TenantClockService.Format(facts.NextSessionAfter(now)));
    }
}
