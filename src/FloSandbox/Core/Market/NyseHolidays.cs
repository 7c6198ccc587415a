namespace FloSandbox.Core.Market;

// NYSE full-day closures and 13:00 early closes, computed by rule (NYSE Rule 7.2) so every year works:
//  - New Year's Day (Sunday -> Monday; Saturday -> no closure, the NYSE does not close the Friday before),
//    Martin Luther King Jr. Day (3rd Mon Jan), Washington's Birthday (3rd Mon Feb), Good Friday,
//    Memorial Day (last Mon May), Juneteenth (from 2022), Independence Day, Labor Day (1st Mon Sep),
//    Thanksgiving (4th Thu Nov), Christmas. Saturday holidays close the Friday before, Sunday ones the
//    Monday after.
//  - Unscheduled closures are listed by date (national days of mourning).
//  - Early closes at 13:00 ET: July 3 when Mon-Thu, the day after Thanksgiving, Christmas Eve when Mon-Thu.
internal static class NyseHolidays
{
    private static readonly DateOnly[] SpecialClosures =
    [
        new(2018, 12, 5), // President George H. W. Bush
        new(2025, 1, 9), // President Jimmy Carter
    ];

    public static List<DateOnly> FullClosures(int year)
    {
        var days = new List<DateOnly>(12);
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            days.Add(Observed(newYear));
        }

        days.Add(NthWeekday(year, 1, DayOfWeek.Monday, 3));
        days.Add(NthWeekday(year, 2, DayOfWeek.Monday, 3));
        days.Add(EasterSunday(year).AddDays(-2));
        days.Add(LastWeekday(year, 5, DayOfWeek.Monday));
        if (year >= 2022)
        {
            days.Add(Observed(new DateOnly(year, 6, 19)));
        }

        days.Add(Observed(new DateOnly(year, 7, 4)));
        days.Add(NthWeekday(year, 9, DayOfWeek.Monday, 1));
        days.Add(Thanksgiving(year));
        days.Add(Observed(new DateOnly(year, 12, 25)));
        days.AddRange(SpecialClosures.Where(d => d.Year == year));
        days.Sort();
        return days;
    }

    public static List<DateOnly> EarlyCloses(int year, IReadOnlySet<DateOnly> closures)
    {
        DateOnly[] candidates = [new(year, 7, 3), Thanksgiving(year).AddDays(1), new(year, 12, 24)];
        return candidates
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closures.Contains(d))
            .ToList();
    }

    public static DateOnly Thanksgiving(int year) => NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Observed(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}
