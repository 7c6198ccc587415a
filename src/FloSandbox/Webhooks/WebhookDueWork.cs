using FloSandbox.Scheduling;

namespace FloSandbox.Webhooks;

/// Webhook attempts as due work: claims them when they fall due on the tenant clock (also right after
/// `X-Flo-Clock` moves it) and hands them to the dispatcher without waiting for any receiver.
public sealed class WebhookDueWork(WebhookDispatcher dispatcher) : IDueWork
{
    public string Name => "webhooks";

    public Task RunDueAsync(string? tenantId, CancellationToken ct) => dispatcher.ClaimDueAsync(tenantId, ct);
}
