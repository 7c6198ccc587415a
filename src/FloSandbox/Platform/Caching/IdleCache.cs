using System.Collections.Concurrent;

namespace FloSandbox.Platform.Caching;

/// An in-memory cache of state that can be loaded again (the ledger holds the truth): an entry nobody
/// used for <see cref="IdleFor"/> is dropped, so memory follows the tenants in use, not every tenant
/// ever seen. Sweeps run on the callers, at most one every half of <see cref="IdleFor"/>.
public sealed class IdleCache<TKey, TValue>(TimeProvider time, TimeSpan idleFor, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);
    private long _lastSweepTicks = time.GetUtcNow().UtcTicks;

    public TimeSpan IdleFor { get; } = idleFor;

    public int Count => _entries.Count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        var now = time.GetUtcNow().UtcTicks;
        Sweep(now);
        var entry = _entries.GetOrAdd(key, static (k, create) => new Entry(create(k)), create);
        Volatile.Write(ref entry.LastUsedTicks, now);
        return entry.Value;
    }

    /// Removes the entry only if it still holds <paramref name="value"/> (a failed load, a reset).
    public bool TryRemove(TKey key, TValue value) =>
        _entries.TryGetValue(key, out var entry) && EqualityComparer<TValue>.Default.Equals(entry.Value, value)
        && _entries.TryRemove(KeyValuePair.Create(key, entry));

    public bool TryRemove(TKey key) => _entries.TryRemove(key, out _);

    private void Sweep(long now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now - last < IdleFor.Ticks / 2 || Interlocked.CompareExchange(ref _lastSweepTicks, now, last) != last)
        {
            return;
        }
        foreach (var (key, entry) in _entries)
        {
            if (now - Volatile.Read(ref entry.LastUsedTicks) >= IdleFor.Ticks)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed class Entry(TValue value)
    {
        public readonly TValue Value = value;
        public long LastUsedTicks;
    }
}
