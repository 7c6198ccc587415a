using System.Collections.Concurrent;

namespace FloSandbox.Core.Market;

// NYSE core sessions (09:30-16:00 America/New_York, 13:00 on early-close days), cached per year.
// Every session lies inside one UTC calendar day (13:30Z at the earliest, 21:00Z at the latest), so callers
// can find "today's" session from the UTC date without a time-zone conversion.
public static class NyseCalendar
{
    public static readonly TimeZoneInfo NewYork = NewYorkTimeZone.Resolve();
    public static readonly TimeOnly OpenTime = new(9, 30);
    public static readonly TimeOnly CloseTime = new(16, 0);
    public static readonly TimeOnly EarlyCloseTime = new(13, 0);

    private static readonly ConcurrentDictionary<int, Year> Years = new();

    // Null on weekends and full-day closures.
    public static MarketSession? SessionOn(DateOnly date) => YearOf(date.Year).Sessions[date.DayOfYear - 1];

    public static IReadOnlyList<DateOnly> FullClosures(int year) => YearOf(year).Closures;

    public static IReadOnlyList<DateOnly> EarlyCloses(int year) => YearOf(year).EarlyCloses;

    private static Year YearOf(int year) => Years.GetOrAdd(year, static y => new Year(y));

    private sealed class Year
    {
        public Year(int year)
        {
            Closures = NyseHolidays.FullClosures(year);
            var closed = Closures.ToHashSet();
            EarlyCloses = NyseHolidays.EarlyCloses(year, closed);
            Sessions = new MarketSession?[DateTime.IsLeapYear(year) ? 366 : 365];
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || closed.Contains(day))
                {
                    continue;
                }

                var early = EarlyCloses.Contains(day);
                Sessions[day.DayOfYear - 1] =
                    new MarketSession(day, Utc(day, OpenTime), Utc(day, early ? EarlyCloseTime : CloseTime), early);
            }
        }

        public List<DateOnly> Closures { get; }

        public List<DateOnly> EarlyCloses { get; }

        public MarketSession?[] Sessions { get; }

        private static DateTimeOffset Utc(DateOnly day, TimeOnly time) =>
            new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), NewYork));
    }
}
