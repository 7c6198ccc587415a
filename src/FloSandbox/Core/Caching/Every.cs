namespace FloSandbox.Core.Caching;

/// Housekeeping that callers run in passing, at most once per interval: whoever first finds it due does
/// it, everyone else goes on at once.
public sealed class Every(TimeProvider time, TimeSpan interval)
{
    private long _lastTicks = time.GetUtcNow().UtcTicks;

    /// True for exactly one caller once the interval has passed since the last time it was true.
    public bool IsDue(long nowTicks)
    {
        var last = Interlocked.Read(ref _lastTicks);
        return nowTicks - last >= interval.Ticks && Interlocked.CompareExchange(ref _lastTicks, nowTicks, last) == last;
    }
}
