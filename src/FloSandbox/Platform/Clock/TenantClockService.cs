using System.Collections.Concurrent;
using FloSandbox.Tenants;

namespace FloSandbox.Platform.Clock;

/// Moves tenant clocks forward, one advance at a time per tenant, and persists the new offset.
public sealed class TenantClockService(TenantRegistry tenants)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<DateTimeOffset> AdvanceAsync(Tenant tenant, string headerValue, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(tenant.Id, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var step = ClockHeader.Parse(headerValue, tenant.Clock.GetUtcNow());
            if (step > TimeSpan.Zero)
            {
                await tenants.SetClockOffsetAsync(tenant, tenant.Clock.Offset + step, ct);
            }
            return tenant.Clock.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
