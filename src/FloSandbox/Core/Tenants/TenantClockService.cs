using FloSandbox.Core.Idempotency;

namespace FloSandbox.Core.Tenants;

/// Moves tenant clocks forward, one advance at a time per tenant, and persists the new offset. The
/// per-tenant lock exists only while an advance holds or awaits it.
public sealed class TenantClockService(TenantRegistry tenants)
{
    private readonly KeyedLock _locks = new();

    /// Moves the clock by what <paramref name="stepFrom"/> computes from the tenant's time under the lock
    /// (a request's clock header, say, which may name an instant); returns the new time.
    public async Task<DateTimeOffset> AdvanceAsync(Tenant tenant, Func<DateTimeOffset, TimeSpan> stepFrom, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(tenant.Id, ct);
        var step = stepFrom(tenant.Clock.GetUtcNow());
        if (step > TimeSpan.Zero)
        {
            await tenants.SetClockOffsetAsync(tenant, tenant.Clock.Offset + step, ct);
        }
        return tenant.Clock.GetUtcNow();
    }

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
