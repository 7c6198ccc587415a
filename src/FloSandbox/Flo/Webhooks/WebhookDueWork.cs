using FloSandbox.Core.Scheduling;

namespace FloSandbox.Flo.Webhooks;

/// Webhook attempts as due work: claims them when they fall due on the tenant clock (also right after
/// `X-Flo-Clock` moves it) and hands them to the dispatcher without waiting for any receiver.
public sealed class WebhookDueWork(DeliveryClaimer claimer) : IDueWork
{
    public string Name => "webhooks";

    public Task RunDueAsync(string? tenantId, CancellationToken ct) => claimer.ClaimDueAsync(tenantId, ct);
}
