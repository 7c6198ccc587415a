using FloSandbox.Core.Tenants;

namespace FloSandbox.Core.Market;

/// The market as the tenant's clock sees it: configured mode, whether the session is open, and when
/// the next one opens (or the current one closes).
public sealed record MarketView(string Mode, bool Open, string? SessionClosesAt, string NextSessionAt)
{
    public static MarketView At(MarketHours hours, DateTimeOffset now)
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
            TenantClockService.Format(hours.NextSessionAfter(now)));
    }
}
