using System.Collections.Concurrent;

namespace FloSandbox.Platform.RateLimiting;

/// The request counts of the current one-second window, per partition. Windows of past seconds are
/// dropped every few seconds, so a flood of distinct keys leaves nothing behind.
public sealed class RateLimitWindows
{
    private const int SweepEverySeconds = 5;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// Partitions holding a window.
    public int Count => _windows.Count;

    /// Counts a request in <paramref name="second"/> and returns the count so far.
    public int Hit(string partition, long second)
    {
        Sweep(second);
        return _windows.GetOrAdd(partition, static _ => new Window()).Hit(second);
    }

    /// The count so far in <paramref name="second"/>, without counting.
    public int Peek(string partition, long second)
    {
        Sweep(second);
        return _windows.TryGetValue(partition, out var window) ? window.Peek(second) : 0;
    }

    /// At most one caller every few seconds removes the stale windows. A request racing the removal of its
    /// partition's stale window counts in that window instead of a fresh one: one request, once.
    private void Sweep(long second)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (second - last < SweepEverySeconds || Interlocked.CompareExchange(ref _lastSweep, second, last) != last)
        {
            return;
        }
        foreach (var (partition, window) in _windows)
        {
            if (window.IsStale(second))
            {
                _windows.TryRemove(KeyValuePair.Create(partition, window));
            }
        }
    }

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

        public bool IsStale(long second)
        {
            lock (_gate)
            {
                return _second < second;
            }
        }
    }
}
