using System.Collections.Concurrent;
using FloSandbox.Core.Caching;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Devchain;

namespace FloSandbox.Core.Tenants;

/// Resolves keys to tenants, provisioning a tenant the first time a well-formed test key is seen.
/// Resolved keys are cached in memory while in use (idle ones are dropped after <see cref="KeyIdleTime"/>);
/// the ledger is the source of truth. While anything holds a tenant, every lookup returns that same object,
/// so its clock is one clock; once nothing does, it is loaded again from the ledger, where every clock
/// move is written before it takes effect.
public sealed class TenantRegistry(
    LedgerDatabase db, TimeProvider time, IEnumerable<ITenantInitializer> initializers, IEnumerable<ITenantLifecycle> lifecycles)
{
    public static readonly TimeSpan KeyIdleTime = TimeSpan.FromMinutes(10);

    private readonly IdleCache<string, Lazy<Task<TenantContext>>> _byKey = new(time, KeyIdleTime, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WeakReference<Tenant>> _byId = new(StringComparer.Ordinal);
    private readonly Every _prunes = new(time, KeyIdleTime);

    /// Keys and tenants held in memory (for tests of the eviction).
    public (int Keys, int Tenants) Cached => (_byKey.Count, _byId.Count);

    public Task<TenantContext> ResolveAsync(string key)
    {
        PruneCollectedTenants();
        var lazy = _byKey.GetOrAdd(key, k => new Lazy<Task<TenantContext>>(() => LoadOrProvisionAsync(k)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            _byKey.TryRemove(key, lazy);
        }
        return task;
    }

    private async Task<TenantContext> LoadOrProvisionAsync(string key)
    {
        var hash = ApiKey.Hash(key);
        var found = await db.ReadAsync(ledger => TenantStore.FindByKeyHashAsync(ledger, hash));
        if (found is not null)
        {
            return new TenantContext(Materialize(found), Enum.Parse<KeyScope>(found.Scope, ignoreCase: true), found.KeyHint);
        }

        var tenant = new Tenant(FloIds.New("ten"), SettlementAddress.ForApiKey(key).ToString(), new TenantClock(time, TimeSpan.Zero), time.GetUtcNow());
        foreach (var lifecycle in lifecycles)
        {
            await lifecycle.ProvisioningAsync(tenant, CancellationToken.None);
        }
        var winner = await db.WriteAsync(async ledger =>
        {
            // Another process (or a racing request before the cache) may have provisioned it first.
            if (await TenantStore.FindByKeyHashAsync(ledger, hash) is { } existing)
            {
                return existing.TenantId;
            }
            await TenantStore.InsertTenantAsync(ledger, tenant);
            await TenantStore.InsertKeyAsync(ledger, tenant.Id, hash, KeyScope.Full, ApiKey.Hint(key), time.GetUtcNow());
            foreach (var initializer in initializers)
            {
                await initializer.InitializeTenantAsync(ledger, tenant);
            }
            return tenant.Id;
        });
        if (winner != tenant.Id)
        {
            return await LoadOrProvisionAsync(key);
        }
        return new TenantContext(Remember(tenant), KeyScope.Full, ApiKey.Hint(key));
    }

    /// The tenant with this id (for work that runs without a request, such as due settlements).
    public async Task<Tenant> GetByIdAsync(string tenantId)
    {
        if (_byId.TryGetValue(tenantId, out var weak) && weak.TryGetTarget(out var tenant))
        {
            return tenant;
        }
        return Materialize(await db.ReadAsync(ledger => TenantStore.GetByIdAsync(ledger, tenantId)));
    }

    private Tenant Materialize(TenantStore.KeyRow row) => Remember(new Tenant(
        row.TenantId, row.SettlementAddress, new TenantClock(time, TimeSpan.FromMilliseconds(row.ClockOffsetMs)),
        DateTimeOffset.Parse(row.CreatedAt, System.Globalization.CultureInfo.InvariantCulture)));

    /// The live object of this tenant if one exists, else <paramref name="loaded"/>, which becomes it.
    private Tenant Remember(Tenant loaded)
    {
        while (true)
        {
            var weak = _byId.GetOrAdd(loaded.Id, static (_, t) => new WeakReference<Tenant>(t), loaded);
            if (weak.TryGetTarget(out var live))
            {
                return live;
            }
            if (_byId.TryUpdate(loaded.Id, new WeakReference<Tenant>(loaded), weak))
            {
                return loaded;
            }
        }
    }

    /// Drops the entries of tenants the garbage collector has taken, every <see cref="KeyIdleTime"/>.
    private void PruneCollectedTenants()
    {
        if (!_prunes.IsDue(time.GetUtcNow().UtcTicks))
        {
            return;
        }
        foreach (var (id, weak) in _byId)
        {
            if (!weak.TryGetTarget(out _))
            {
                _byId.TryRemove(KeyValuePair.Create(id, weak));
            }
        }
    }

    /// Creates another key for the tenant; returns the key, which is shown once.
    public async Task<string> CreateKeyAsync(Tenant tenant, KeyScope scope, CancellationToken ct)
    {
        var key = ApiKey.Generate();
        await db.WriteAsync(ledger => TenantStore.InsertKeyAsync(ledger, tenant.Id, ApiKey.Hash(key), scope, ApiKey.Hint(key), time.GetUtcNow()), ct);
        return key;
    }

    /// Moves the tenant's clock offset and persists it; callers hold the tenant's clock lock.
    public async Task SetClockOffsetAsync(Tenant tenant, TimeSpan offset, CancellationToken ct)
    {
        await db.WriteAsync(ledger => TenantStore.SetClockOffsetAsync(ledger, tenant.Id, offset), ct);
        tenant.Clock.SetOffset(offset);
    }

    /// Writes a fresh tenant's starting state inside the reset transaction.
    internal async Task ReinitializeAsync(LedgerSession ledger, Tenant tenant)
    {
        await TenantStore.SetClockOffsetAsync(ledger, tenant.Id, TimeSpan.Zero);
        foreach (var initializer in initializers)
        {
            await initializer.InitializeTenantAsync(ledger, tenant);
        }
    }
}
