namespace FloSandbox.Flo.Webhooks;

/// The documented schedule: attempt n runs at t + Offsets[n-1], t being the event's creation on the
/// tenant clock; after the tenth failed attempt the delivery is abandoned.
public static class RetrySchedule
{
    public static readonly IReadOnlyList<TimeSpan> Offsets =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24), TimeSpan.FromHours(48), TimeSpan.FromHours(72),
    ];

    public static int MaxAttempts => Offsets.Count;

    /// Due time (tenant-clock ms) of the scheduled attempt after <paramref name="completed"/> failed ones, or
    /// null when none is left. With jitter, uniformly between the previous slot and the documented one, so
    /// the last attempt still happens by t + 72 h.
    public static long? NextDueMs(long eventCreatedMs, int completed, bool jitter, Random random)
    {
        if (completed >= MaxAttempts)
        {
            return null;
        }
        var slot = Offsets[completed];
        if (jitter && completed > 0)
        {
            var gap = slot - Offsets[completed - 1];
            slot -= TimeSpan.FromMilliseconds(random.NextInt64((long)gap.TotalMilliseconds + 1));
        }
        return eventCreatedMs + (long)slot.TotalMilliseconds;
    }
}
