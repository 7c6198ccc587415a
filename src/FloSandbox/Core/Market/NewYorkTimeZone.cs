namespace FloSandbox.Core.Market;

// America/New_York from the OS time-zone database, or - on images without tzdata (Alpine, chiseled) - the
// same zone built from the US rules in force since 2007: EST/EDT, second Sunday in March to first Sunday in
// November at 02:00 local.
internal static class NewYorkTimeZone
{
    public const string Id = "America/New_York";

    public static TimeZoneInfo Resolve()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(Id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return BuiltIn();
        }
    }

    internal static TimeZoneInfo BuiltIn()
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2007, 1, 1),
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(
            Id, TimeSpan.FromHours(-5), "Eastern Time (US)", "EST", "EDT", [rule]);
    }
}
