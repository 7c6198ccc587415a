using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Market;

public class NyseCalendarTests
{
    [Fact]
    public void Closures_For_2026_Match_The_Published_Nyse_Calendar()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 1, 19), new(2026, 2, 16), new(2026, 4, 3), new(2026, 5, 25),
            new(2026, 6, 19), new(2026, 7, 3), new(2026, 9, 7), new(2026, 11, 26), new(2026, 12, 25),
        ];

        Assert.Equal(expected, NyseCalendar.FullClosures(2026));
    }

    [Fact]
    public void Closures_For_2025_Include_The_National_Day_Of_Mourning()
    {
        DateOnly[] expected =
        [
            new(2025, 1, 1), new(2025, 1, 9), new(2025, 1, 20), new(2025, 2, 17), new(2025, 4, 18),
            new(2025, 5, 26), new(2025, 6, 19), new(2025, 7, 4), new(2025, 9, 1), new(2025, 11, 27),
            new(2025, 12, 25),
        ];

        Assert.Equal(expected, NyseCalendar.FullClosures(2025));
    }

    [Theory]
    [InlineData(2024, 252)]
    [InlineData(2025, 250)]
    public void Year_Has_The_Published_Number_Of_Trading_Days(int year, int tradingDays)
    {
        var sessions = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Count(i => NyseCalendar.SessionOn(new DateOnly(year, 1, 1).AddDays(i)) is not null);

        Assert.Equal(tradingDays, sessions);
    }

    [Fact]
    public void Saturday_Christmas_Closes_The_Friday_Before_But_Saturday_New_Year_Closes_Nothing()
    {
        Assert.Contains(new DateOnly(2027, 12, 24), NyseCalendar.FullClosures(2027));
        Assert.NotNull(NyseCalendar.SessionOn(new DateOnly(2027, 12, 31)));
        Assert.DoesNotContain(NyseCalendar.FullClosures(2028), d => d.Month == 1 && d.Day == 1);
    }

    [Fact]
    public void Sunday_Independence_Day_Closes_The_Monday_After()
    {
        Assert.Contains(new DateOnly(2027, 7, 5), NyseCalendar.FullClosures(2027));
    }

    [Theory]
    [InlineData(2024, new[] { "2024-07-03", "2024-11-29", "2024-12-24" })]
    [InlineData(2026, new[] { "2026-11-27", "2026-12-24" })]
    [InlineData(2027, new[] { "2027-11-26" })]
    [InlineData(2029, new[] { "2029-07-03", "2029-11-23", "2029-12-24" })]
    public void Early_Closes_Fall_On_Weekday_Eves_That_Are_Not_Holidays(int year, string[] expected)
    {
        Assert.Equal(expected.Select(DateOnly.Parse), NyseCalendar.EarlyCloses(year));
    }

    [Fact]
    public void Early_Close_Session_Ends_At_1300_New_York()
    {
        var session = NyseCalendar.SessionOn(new DateOnly(2026, 11, 27));

        Assert.NotNull(session);
        Assert.True(session.EarlyClose);
        Assert.Equal(NewYorkTime.At(2026, 11, 27, 9, 30), session.Open);
        Assert.Equal(NewYorkTime.At(2026, 11, 27, 13, 0), session.Close);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    public void Easter_Sunday_Is_Computed_Correctly(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), NyseHolidays.EasterSunday(year));
    }

    [Fact]
    public void Every_Session_From_2024_To_2030_Lies_Within_One_Utc_Day()
    {
        for (var day = new DateOnly(2024, 1, 1); day.Year <= 2030; day = day.AddDays(1))
        {
            if (NyseCalendar.SessionOn(day) is { } session)
            {
                Assert.Equal(day, DateOnly.FromDateTime(session.Open.UtcDateTime));
                Assert.Equal(day, DateOnly.FromDateTime(session.Close.UtcDateTime));
            }
        }
    }
}
