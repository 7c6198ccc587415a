using System.Globalization;
using System.Text.RegularExpressions;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Clock;

/// Parses `X-Flo-Clock`: a relative step (`+30s`, `+15m`, `+2h`, `+7d`) or an absolute ISO-8601
/// instant in the future; at most 30 days forward per request; never backwards.
public static partial class ClockHeader
{
    public const string Name = "X-Flo-Clock";
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(30);

    /// The amount to advance the clock that reads <paramref name="now"/>, or an error naming what is wrong.
    public static TimeSpan Parse(string value, DateTimeOffset now)
    {
        value = value.Trim(' ', '\t');
        TimeSpan step;
        if (Relative().Match(value) is { Success: true } m)
        {
            if (m.Groups[1].Value == "-")
            {
                throw Invalid($"X-Flo-Clock cannot move the clock backwards ('{value}'); only '+' steps and future instants are accepted.");
            }
            // At most nine digits times a day's seconds fits a long; the bound is checked before a TimeSpan exists.
            var seconds = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * m.Groups[3].Value switch
            {
                "s" => 1L,
                "m" => 60L,
                "h" => 3_600L,
                _ => 86_400L,
            };
            if (seconds > (long)MaxStep.TotalSeconds)
            {
                throw Invalid($"X-Flo-Clock '{value}' moves the clock {seconds / 86_400d:0.##} days forward; at most 30 days per request are allowed.");
            }
            step = TimeSpan.FromSeconds(seconds);
        }
        else if (IsoInstant().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            if (instant <= now)
            {
                throw Invalid($"X-Flo-Clock cannot move the clock backwards: {instant:yyyy-MM-ddTHH:mm:ss.fffZ} is not after the tenant's current time {now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}.");
            }
            step = instant - now;
        }
        else
        {
            throw Invalid($"X-Flo-Clock '{value}' is not valid: use a relative step such as '+30s', '+15m', '+2h' or '+7d', or a future ISO-8601 instant such as '2026-12-01T14:30:00Z'.");
        }

        if (step > MaxStep)
        {
            throw Invalid($"X-Flo-Clock '{value}' moves the clock {FormatSpan(step)} forward; at most 30 days per request are allowed.");
        }
        return step;
    }

    private static string FormatSpan(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.##} days" : span.TotalHours >= 1 ? $"{span.TotalHours:0.##} hours" : $"{span.TotalSeconds:0} seconds";

    private static FloException Invalid(string detail) => FloException.Invalid(Name, detail);

    [GeneratedRegex(@"^([+-])([0-9]{1,9})([smhd])$")]
    private static partial Regex Relative();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex IsoInstant();
}
