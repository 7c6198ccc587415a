using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// One lane per subscription: its attempts run one at a time, in the order they were claimed, while
/// different subscriptions run concurrently on the workers. Lanes take turns, one attempt each, so a busy
/// subscription cannot starve others. A tenant has at most <see cref="WebhookOptions.MaxWorkersPerTenant"/>
/// lanes on the workers (running or ready to run); its other lanes wait their turn in the tenant's own line,
/// so hanging receivers hold their tenant's share of the workers and never another tenant's.
public sealed class SubscriptionLanes(IOptions<WebhookOptions> options)
{
    private sealed class Lane(string webhookId, string tenantId)
    {
        public string WebhookId { get; } = webhookId;
        public string TenantId { get; } = tenantId;
        public Queue<DeliveryWork> Items { get; } = new();
        public bool Scheduled { get; set; }
    }

    /// A tenant's lanes on the workers (admitted) and those waiting for one of its turns, in turn order.
    private sealed class TenantLine
    {
        public int Admitted { get; set; }
        public Queue<Lane> Waiting { get; } = new();
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TenantLine> _tenants = new(StringComparer.Ordinal);
    private readonly Channel<Lane> _ready = Channel.CreateUnbounded<Lane>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly int _perTenant = options.Value.WorkersPerTenant;

    /// Called by the single router, in claim order.
    public void Add(DeliveryWork work)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(work.WebhookId, out var lane))
            {
                lane = new Lane(work.WebhookId, work.TenantId);
                _lanes[work.WebhookId] = lane;
            }
            lane.Items.Enqueue(work);
            if (!lane.Scheduled)
            {
                lane.Scheduled = true;
                var line = LineOf(lane.TenantId);
                line.Waiting.Enqueue(lane);
                Admit(line);
            }
        }
    }

    /// One worker: takes a ready lane, runs its next attempt, then hands the tenant's turn to its next
    /// waiting lane (this one goes to the back of the line if more is waiting).
    public async Task RunWorkerAsync(Func<DeliveryWork, CancellationToken, Task> process, CancellationToken ct)
    {
        await foreach (var lane in _ready.Reader.ReadAllAsync(ct))
        {
            DeliveryWork work;
            lock (_gate)
            {
                work = lane.Items.Dequeue();
            }
            try
            {
                await process(work, ct);
            }
            finally
            {
                lock (_gate)
                {
                    var line = _tenants[lane.TenantId];
                    line.Admitted--;
                    if (lane.Items.Count > 0)
                    {
                        line.Waiting.Enqueue(lane);
                    }
                    else
                    {
                        lane.Scheduled = false;
                        _lanes.Remove(lane.WebhookId);
                    }
                    Admit(line);
                    if (line.Admitted == 0)
                    {
                        _tenants.Remove(lane.TenantId);
                    }
                }
            }
        }
    }

    private TenantLine LineOf(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var line))
        {
            line = new TenantLine();
            _tenants[tenantId] = line;
        }
        return line;
    }

    private void Admit(TenantLine line)
    {
        while (line.Admitted < _perTenant && line.Waiting.TryDequeue(out var next))
        {
            line.Admitted++;
            _ready.Writer.TryWrite(next);
        }
    }
}
