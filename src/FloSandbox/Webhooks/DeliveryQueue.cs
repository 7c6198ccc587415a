using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FloSandbox.Webhooks;

/// One claimed attempt: which delivery to send now, once the claiming transaction has committed (true) or rolled back (false).
public sealed record DeliveryWork(string DeliveryId, string WebhookId, string TenantId, Task<bool> Committed);

/// Claimed attempts on their way to the senders, through a bounded channel. Every claimed delivery stays
/// "in flight" until its attempt is recorded, so claiming never hands out the same delivery twice and never
/// holds more than <see cref="WebhookOptions.QueueCapacity"/> attempts in memory.
public sealed class DeliveryQueue
{
    private readonly Channel<DeliveryWork> _channel;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public DeliveryQueue(IOptions<WebhookOptions> options)
    {
        _capacity = options.Value.QueueCapacity;
        _channel = Channel.CreateBounded<DeliveryWork>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int FreeSlots => Math.Max(0, _capacity - _inFlight.Count);

    public ChannelReader<DeliveryWork> Reader => _channel.Reader;

    public bool IsInFlight(string deliveryId) => _inFlight.ContainsKey(deliveryId);

    /// Hands one claimed attempt over; false when the queue is full (it stays due in the ledger).
    public bool TryEnqueue(DeliveryWork work)
    {
        if (!_inFlight.TryAdd(work.DeliveryId, 0))
        {
            return true;
        }
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }
        _inFlight.TryRemove(work.DeliveryId, out _);
        return false;
    }

    /// The attempt was recorded (or dropped); the delivery may be claimed again.
    public void Complete(string deliveryId) => _inFlight.TryRemove(deliveryId, out _);
}
