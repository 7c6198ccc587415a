using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Market;

internal static class NewYorkTime
{
    // The UTC instant of a New York wall-clock time.
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(
            new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified), NyseCalendar.NewYork));
}
