using FloSandbox.Core.Market;
using static FloSandbox.Tests.Market.NewYorkTime;

namespace FloSandbox.Tests.Market;

public class MarketHoursTests
{
    private static readonly MarketHours Auto = MarketHours.For(MarketMode.Auto);

    public static TheoryData<string, DateTimeOffset, bool> KnownInstants => new()
    {
        { "weekday 10:00", At(2026, 4, 21, 10, 0), true },
        { "weekday 09:29", At(2026, 4, 21, 9, 29), false },
        { "weekday 09:29:59", At(2026, 4, 21, 9, 29, 59), false },
        { "weekday 09:30", At(2026, 4, 21, 9, 30), true },
        { "weekday 15:59:59", At(2026, 4, 21, 15, 59, 59), true },
        { "weekday 16:00", At(2026, 4, 21, 16, 0), false },
        { "Saturday noon", At(2026, 4, 25, 12, 0), false },
        { "Sunday noon", At(2026, 4, 26, 12, 0), false },
        { "Thanksgiving noon", At(2026, 11, 26, 12, 0), false },
        { "Good Friday noon", At(2026, 4, 3, 12, 0), false },
        { "day of mourning noon", At(2025, 1, 9, 12, 0), false },
        { "day after Thanksgiving 12:59", At(2026, 11, 27, 12, 59), true },
        { "day after Thanksgiving 13:00", At(2026, 11, 27, 13, 0), false },
        { "Christmas Eve 13:30", At(2026, 12, 24, 13, 30), false },
    };

    [Theory]
    [MemberData(nameof(KnownInstants))]
    public void Auto_Mode_Knows_Whether_The_Nyse_Is_Open(string label, DateTimeOffset instant, bool open)
    {
        Assert.True(Auto.IsOpen(instant) == open, label);
    }

    [Theory]
    [InlineData("2026-03-06T14:00:00Z", false)] // Friday 09:00 EST
    [InlineData("2026-03-06T14:30:00Z", true)] // Friday 09:30 EST
    [InlineData("2026-03-09T13:30:00Z", true)] // Monday 09:30 EDT, after the spring change
    [InlineData("2026-03-09T20:00:00Z", false)] // Monday 16:00 EDT
    [InlineData("2026-10-30T13:30:00Z", true)] // Friday 09:30 EDT
    [InlineData("2026-11-02T13:30:00Z", false)] // Monday 08:30 EST, after the autumn change
    [InlineData("2026-11-02T14:30:00Z", true)] // Monday 09:30 EST
    [InlineData("2026-11-02T20:59:59Z", true)] // Monday 15:59:59 EST
    public void Session_Follows_New_York_Across_Daylight_Saving_Changes(string utc, bool open)
    {
        Assert.Equal(open, Auto.IsOpen(DateTimeOffset.Parse(utc)));
    }

    [Fact]
    public void Next_Open_After_Friday_Close_Is_Monday_0930()
    {
        Assert.Equal(At(2026, 4, 27, 9, 30), Auto.NextOpen(At(2026, 4, 24, 16, 0)));
    }

    [Fact]
    public void Next_Open_Skips_Thanksgiving()
    {
        Assert.Equal(At(2026, 11, 27, 9, 30), Auto.NextOpen(At(2026, 11, 25, 17, 0)));
    }

    [Fact]
    public void Next_Open_Skips_Good_Friday_And_The_Weekend()
    {
        Assert.Equal(At(2026, 4, 6, 9, 30), Auto.NextOpen(At(2026, 4, 2, 16, 0)));
    }

    [Fact]
    public void Next_Open_Before_The_Bell_Is_The_Same_Day()
    {
        Assert.Equal(At(2026, 4, 21, 9, 30), Auto.NextOpen(At(2026, 4, 21, 8, 0)));
    }

    [Fact]
    public void Next_Open_During_A_Session_Is_That_Sessions_Start()
    {
        Assert.Equal(At(2026, 4, 21, 9, 30), Auto.NextOpen(At(2026, 4, 21, 11, 15)));
    }

    [Fact]
    public void Current_Or_Next_Session_On_An_Early_Close_Day_Ends_At_1300()
    {
        var session = Auto.CurrentOrNextSession(At(2026, 11, 26, 20, 0));

        Assert.Equal(new DateOnly(2026, 11, 27), session.Date);
        Assert.True(session.EarlyClose);
        Assert.Equal(At(2026, 11, 27, 13, 0), session.Close);
    }

    [Fact]
    public void Last_Close_Before_Monday_Morning_Is_Friday_1600()
    {
        Assert.Equal(At(2026, 4, 24, 16, 0), Auto.LastCloseAtOrBefore(At(2026, 4, 27, 9, 0)));
    }

    [Fact]
    public void Last_Close_At_The_Closing_Bell_Is_That_Close()
    {
        Assert.Equal(At(2026, 4, 21, 16, 0), Auto.LastCloseAtOrBefore(At(2026, 4, 21, 16, 0)));
    }

    [Fact]
    public void Always_Open_Mode_Is_Open_On_Weekends_And_Holidays()
    {
        var hours = MarketHours.For(MarketMode.AlwaysOpen);

        Assert.True(hours.IsOpen(At(2026, 4, 25, 3, 0)));
        Assert.True(hours.IsOpen(At(2026, 11, 26, 12, 0)));
    }

    [Fact]
    public void Always_Open_Mode_Reports_The_Utc_Day_As_The_Session()
    {
        var hours = MarketHours.For(MarketMode.AlwaysOpen);
        var instant = DateTimeOffset.Parse("2026-04-25T17:45:00Z");

        var session = hours.CurrentOrNextSession(instant);

        Assert.Equal(DateTimeOffset.Parse("2026-04-25T00:00:00Z"), session.Open);
        Assert.Equal(DateTimeOffset.Parse("2026-04-26T00:00:00Z"), session.Close);
        Assert.Equal(session.Open, hours.NextOpen(instant));
    }

    [Fact]
    public void Always_Closed_Mode_Is_Closed_During_A_Real_Session()
    {
        Assert.False(MarketHours.For(MarketMode.AlwaysClosed).IsOpen(At(2026, 4, 21, 10, 0)));
    }

    [Fact]
    public void Always_Closed_Mode_Names_The_Next_Real_Session_As_Next_Open()
    {
        var hours = MarketHours.For(MarketMode.AlwaysClosed);

        Assert.Equal(At(2026, 4, 22, 9, 30), hours.NextOpen(At(2026, 4, 21, 10, 0)));
        Assert.Equal(At(2026, 4, 21, 9, 30), hours.NextOpen(At(2026, 4, 21, 8, 0)));
    }
}
