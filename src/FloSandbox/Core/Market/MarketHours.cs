using Microsoft.Extensions.Options;

namespace FloSandbox.Core.Market;

// Whether the venue is open at an instant of the tenant clock, per the configured MarketMode.
//  - Auto: NYSE core sessions (NyseCalendar).
//  - AlwaysOpen: open at every instant; a "session" is the UTC calendar day [00:00Z, 24:00Z).
//  - AlwaysClosed: never open; NextOpen and CurrentOrNextSession still name the next real NYSE session, so
//    next_session_at in market_closed_non_fractional stays a plausible instant.
public sealed class MarketHours
{
    private const int MaxDaysBetweenSessions = 10;

    public MarketHours(IOptions<MarketOptions> options)
    {
        Mode = options.Value.ResolveMode();
    }

    public MarketMode Mode { get; }

    public static MarketHours For(MarketMode mode) =>
        new(Options.Create(new MarketOptions { Mode = mode.ToString() }));

    public bool IsOpen(DateTimeOffset instant) => Mode switch
    {
        MarketMode.AlwaysOpen => true,
        MarketMode.AlwaysClosed => false,
        _ => NyseCalendar.SessionOn(UtcDate(instant))?.Contains(instant) == true,
    };

    // When closed: the start of the next session, strictly after `instant`. When open: the start of the
    // session in progress (so the answer is never in the future while trading is possible).
    public DateTimeOffset NextOpen(DateTimeOffset instant) => CurrentOrNextSession(instant).Open;

    /// The start of the next session that opens strictly after <paramref name="now"/>.
    public DateTimeOffset NextSessionAfter(DateTimeOffset now)
    {
        var session = CurrentOrNextSession(now);
        return session.Open > now ? session.Open : CurrentOrNextSession(session.Close).Open;
    }

    // The session in progress at `instant`, or else the next one to start.
    public MarketSession CurrentOrNextSession(DateTimeOffset instant) => Mode switch
    {
        MarketMode.AlwaysOpen => UtcDaySession(instant),
        MarketMode.AlwaysClosed => RealSessionAfter(instant, includeCurrent: false),
        _ => RealSessionAfter(instant, includeCurrent: true),
    };

    // The close of the latest real NYSE session that ended at or before `instant` (calendar fact, any mode):
    // the instant a price freezes at while the market is shut.
    public DateTimeOffset LastCloseAtOrBefore(DateTimeOffset instant)
    {
        var day = UtcDate(instant);
        for (var i = 0; i <= MaxDaysBetweenSessions; i++, day = day.AddDays(-1))
        {
            if (NyseCalendar.SessionOn(day) is { } session && session.Close <= instant)
            {
                return session.Close;
            }
        }

        throw new InvalidOperationException($"No NYSE session closed in the {MaxDaysBetweenSessions} days before {instant:O}.");
    }

    private static MarketSession RealSessionAfter(DateTimeOffset instant, bool includeCurrent)
    {
        var day = UtcDate(instant);
        for (var i = 0; i <= MaxDaysBetweenSessions; i++, day = day.AddDays(1))
        {
            if (NyseCalendar.SessionOn(day) is { } session
                && (session.Open > instant || (includeCurrent && session.Close > instant)))
            {
                return session;
            }
        }

        throw new InvalidOperationException($"No NYSE session in the {MaxDaysBetweenSessions} days after {instant:O}.");
    }

    private static MarketSession UtcDaySession(DateTimeOffset instant)
    {
        var day = UtcDate(instant);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new MarketSession(day, start, start.AddDays(1), EarlyClose: false);
    }

    private static DateOnly UtcDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
