using System.Collections.Concurrent;

namespace FloSandbox.Core.Caching;

/// An in-memory cache of state that can be loaded again (the ledger holds the truth): an entry nobody
/// used for <see cref="IdleFor"/> is dropped, so memory follows what is in use (tenants, keys), not
/// everything ever seen. Sweeps run on the callers, at most one every half of <see cref="IdleFor"/>.
public sealed class IdleCache<TKey, TValue>(TimeProvider time, TimeSpan idleFor, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);
    private readonly Every _sweeps = new(time, idleFor / 2);

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

    /// The entry's value, without creating one; it counts as a use.
    public bool TryGet(TKey key, out TValue value)
    {
        var now = time.GetUtcNow().UtcTicks;
        Sweep(now);
        if (_entries.TryGetValue(key, out var entry))
        {
            Volatile.Write(ref entry.LastUsedTicks, now);
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// Removes the entry only if it still holds <paramref name="value"/> (a failed load, a reset).
    public bool TryRemove(TKey key, TValue value) =>
        _entries.TryGetValue(key, out var entry) && EqualityComparer<TValue>.Default.Equals(entry.Value, value)
        && _entries.TryRemove(KeyValuePair.Create(key, entry));

    public bool TryRemove(TKey key) => _entries.TryRemove(key, out _);

    private void Sweep(long now)
    {
        if (!_sweeps.IsDue(now))
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
