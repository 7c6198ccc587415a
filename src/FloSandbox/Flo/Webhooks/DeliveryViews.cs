using System.Text.Json;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Flo.Webhooks;

internal static class DeliveryViews
{
    public static DeliveryView Summary(DeliveryStore.DeliveryRow d) => new(
        d.Id, d.WebhookId, d.EventId, d.EventType, d.Status, d.Test != 0, (int)d.AttemptCount, At(d.EventCreatedMs),
        d.LastAttemptMs is { } last ? At(last) : null, d.NextAttemptMs is { } next ? At(next) : null);

    public static DeliveryDetail Detail(DeliveryStore.DeliveryRow d, IReadOnlyList<DeliveryStore.AttemptRow> attempts) => new(
        d.Id, d.WebhookId, d.EventId, d.EventType, d.Status, d.Test != 0, (int)d.AttemptCount, At(d.EventCreatedMs),
        d.LastAttemptMs is { } last ? At(last) : null, d.NextAttemptMs is { } next ? At(next) : null, d.Payload,
        [.. attempts.Select(Attempt)]);

    private static AttemptView Attempt(DeliveryStore.AttemptRow a)
    {
        using var headers = JsonDocument.Parse(a.RequestHeaders);
        return new AttemptView((int)a.Number, a.Kind, a.Url, At(a.AttemptedMs), headers.RootElement.Clone(), (int?)a.ResponseStatus,
            a.ResponseBody, a.LatencyMs, a.Error, a.Succeeded != 0);
    }

    private static string At(long ms) => TenantClockService.Format(DateTimeOffset.FromUnixTimeMilliseconds(ms));
}
