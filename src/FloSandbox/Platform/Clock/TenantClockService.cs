using FloSandbox.Platform.Idempotency;
using FloSandbox.Tenants;

namespace FloSandbox.Platform.Clock;

/// Moves tenant clocks forward, one advance at a time per tenant, and persists the new offset. The
/// per-tenant lock exists only while an advance holds or awaits it.
public sealed class TenantClockService(TenantRegistry tenants)
{
    private readonly KeyedLock _locks = new();

    public async Task<DateTimeOffset> AdvanceAsync(Tenant tenant, string headerValue, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(tenant.Id, ct);
        var step = ClockHeader.Parse(headerValue, tenant.Clock.GetUtcNow());
        if (step > TimeSpan.Zero)
        {
            await tenants.SetClockOffsetAsync(tenant, tenant.Clock.Offset + step, ct);
        }
        return tenant.Clock.GetUtcNow();
    }

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
