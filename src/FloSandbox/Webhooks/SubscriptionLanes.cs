using System.Threading.Channels;

namespace FloSandbox.Webhooks;

/// One lane per subscription: its attempts run one at a time, in the order they were claimed, while
/// different subscriptions run concurrently on the workers. A hanging receiver holds one worker and
/// its own lane, nothing else. Lanes take turns, one attempt each, so a busy subscription cannot starve others.
public sealed class SubscriptionLanes
{
    private sealed class Lane(string webhookId)
    {
        public string WebhookId { get; } = webhookId;
        public Queue<DeliveryWork> Items { get; } = new();
        public bool Scheduled { get; set; }
    }

    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Channel<Lane> _ready = Channel.CreateUnbounded<Lane>(new UnboundedChannelOptions { SingleWriter = false });

    /// Called by the single router, in claim order.
    public void Add(DeliveryWork work)
    {
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(work.WebhookId, out var lane))
            {
                lane = new Lane(work.WebhookId);
                _lanes[work.WebhookId] = lane;
            }
            lane.Items.Enqueue(work);
            if (!lane.Scheduled)
            {
                lane.Scheduled = true;
                _ready.Writer.TryWrite(lane);
            }
        }
    }

    /// One worker: takes a ready lane, runs its next attempt, and puts the lane back if more is waiting.
    public async Task RunWorkerAsync(Func<DeliveryWork, CancellationToken, Task> process, CancellationToken ct)
    {
        await foreach (var lane in _ready.Reader.ReadAllAsync(ct))
        {
            DeliveryWork work;
            lock (_lanes)
            {
                work = lane.Items.Dequeue();
            }
            try
            {
                await process(work, ct);
            }
            finally
            {
                lock (_lanes)
                {
                    if (lane.Items.Count > 0)
                    {
                        _ready.Writer.TryWrite(lane);
                    }
                    else
                    {
                        lane.Scheduled = false;
                        _lanes.Remove(lane.WebhookId);
                    }
                }
            }
        }
    }
}
