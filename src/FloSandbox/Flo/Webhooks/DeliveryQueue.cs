using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// One claimed attempt: which delivery to send now, once the claiming transaction has committed (true) or rolled back (false).
public sealed record DeliveryWork(string DeliveryId, string WebhookId, string TenantId, Task<bool> Committed);

/// Claimed attempts on their way to the senders, through a bounded channel. Every claimed delivery stays
/// "in flight" until its attempt is recorded, so claiming never hands out the same delivery twice and never
/// holds more than <see cref="WebhookOptions.QueueCapacity"/> attempts in memory, nor more than a quarter of
/// them for one tenant (whose backlog would otherwise keep every other tenant's attempts unclaimed).
public sealed class DeliveryQueue
{
    public enum Admission
    {
        Accepted,
        TenantFull,
        QueueFull,
    }

    private readonly Channel<DeliveryWork> _channel;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perTenant = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly int _tenantCapacity;

    public DeliveryQueue(IOptions<WebhookOptions> options)
    {
        _capacity = options.Value.QueueCapacity;
        _tenantCapacity = options.Value.QueuedPerTenant;
        _channel = Channel.CreateBounded<DeliveryWork>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int FreeSlots
    {
        get
        {
            lock (_gate)
            {
                return Math.Max(0, _capacity - _inFlight.Count);
            }
        }
    }

    public ChannelReader<DeliveryWork> Reader => _channel.Reader;

    /// Tenants holding their whole share of the queue: claiming skips their attempts until some finish.
    public IReadOnlyList<string> FullTenants()
    {
        lock (_gate)
        {
            return [.. _perTenant.Where(t => t.Value >= _tenantCapacity).Select(t => t.Key)];
        }
    }

    /// Hands one claimed attempt over; anything but <see cref="Admission.Accepted"/> leaves it due in the ledger.
    /// An attempt already in flight counts as accepted (its claim is merely renewed).
    public Admission TryEnqueue(DeliveryWork work)
    {
        lock (_gate)
        {
            if (_inFlight.ContainsKey(work.DeliveryId))
            {
                return Admission.Accepted;
            }
            if (_inFlight.Count >= _capacity)
            {
                return Admission.QueueFull;
            }
            var held = _perTenant.GetValueOrDefault(work.TenantId);
            if (held >= _tenantCapacity)
            {
                return Admission.TenantFull;
            }
            _inFlight[work.DeliveryId] = work.TenantId;
            _perTenant[work.TenantId] = held + 1;
            if (_channel.Writer.TryWrite(work))
            {
                return Admission.Accepted;
            }
            Release(work.DeliveryId);
            return Admission.QueueFull;
        }
    }

    /// The attempt was recorded (or dropped); the delivery may be claimed again.
    public void Complete(string deliveryId)
    {
        lock (_gate)
        {
            Release(deliveryId);
        }
    }

    private void Release(string deliveryId)
    {
        if (!_inFlight.Remove(deliveryId, out var tenantId))
        {
            return;
        }
        if (_perTenant[tenantId] <= 1)
        {
            _perTenant.Remove(tenantId);
        }
        else
        {
            _perTenant[tenantId]--;
        }
    }
}
