using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Market;

public class NewYorkTimeZoneTests
{
    [Fact]
    public void Built_In_Zone_Agrees_With_The_System_Zone_For_Every_Open_And_Close_2024_To_2030()
    {
        var system = TimeZoneInfo.FindSystemTimeZoneById(NewYorkTimeZone.Id);
        var builtIn = NewYorkTimeZone.BuiltIn();

        for (var day = new DateOnly(2024, 1, 1); day.Year <= 2030; day = day.AddDays(1))
        {
            foreach (var time in new[] { new TimeOnly(9, 30), new TimeOnly(16, 0), new TimeOnly(1, 59), new TimeOnly(3, 0) })
            {
                var local = day.ToDateTime(time, DateTimeKind.Unspecified);
                Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, system), TimeZoneInfo.ConvertTimeToUtc(local, builtIn));
            }
        }
    }
}
