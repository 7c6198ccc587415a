using FloSandbox.Core.Caching;

namespace FloSandbox.Flo.Platform.RateLimiting;

/// The request counts of the current one-second window, per partition. A partition idle for two seconds
/// has nothing left to count, so its window is dropped: a flood of distinct keys leaves nothing behind.
public sealed class RateLimitWindows(TimeProvider time)
{
    private readonly IdleCache<string, Window> _windows = new(time, TimeSpan.FromSeconds(2), StringComparer.Ordinal);

    /// Partitions holding a window.
    public int Count => _windows.Count;

    /// Counts a request in <paramref name="second"/> and returns the count so far.
    public int Hit(string partition, long second) => _windows.GetOrAdd(partition, static _ => new Window()).Hit(second);

    /// The count so far in <paramref name="second"/>, without counting.
    public int Peek(string partition, long second) => _windows.TryGet(partition, out var window) ? window.Peek(second) : 0;

    /// A request racing the removal of its partition's idle window counts in that window instead of a fresh
    /// one: one request, at the start of a new second, once.
    private sealed class Window
    {
        private readonly Lock _gate = new();
        private long _second = -1;
        private int _count;

        public int Hit(long second)
        {
            lock (_gate)
            {
                if (second != _second)
                {
                    _second = second;
                    _count = 0;
                }
                return ++_count;
            }
        }

        public int Peek(long second)
        {
            lock (_gate)
            {
                return second == _second ? _count : 0;
            }
        }
    }
}
