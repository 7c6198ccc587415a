namespace FloSandbox.Core.Tenants;

/// A tenant's sandbox clock: real UTC plus an offset that `X-Flo-Clock` only ever moves forward.
/// Reset returns it to real time. Everything tenant-scoped reads time here.
public sealed class TenantClock(TimeProvider realTime, TimeSpan offset) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => realTime.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    internal void SetOffset(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}
