using System.Text.Json;

namespace FloSandbox.Flo.Webhooks;

public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> Events, string? Secret = null);

/// A subscription as list and retrieve return it: never with its secret.
public sealed record WebhookView(string Id, string Url, IReadOnlyList<string> Events, string CreatedAt)
{
    public string Object => "webhook";
}

/// The create response: the only place the signing secret is ever returned.
public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string> Events, string Secret, string CreatedAt)
{
    public string Object => "webhook";
}

public sealed record DeletedWebhook(string Id, bool Deleted)
{
    public string Object => "webhook";
}

public sealed record DeliveryView(
    string Id, string WebhookId, string EventId, string EventType, string Status, bool Test, int AttemptCount,
    string CreatedAt, string? LastAttemptAt, string? NextAttemptAt)
{
    public string Object => "webhook_delivery";
}

public sealed record DeliveryDetail(
    string Id, string WebhookId, string EventId, string EventType, string Status, bool Test, int AttemptCount,
    string CreatedAt, string? LastAttemptAt, string? NextAttemptAt, string RequestBody, IReadOnlyList<AttemptView> Attempts)
{
    public string Object => "webhook_delivery";
}

/// One HTTP attempt: what was sent (headers; the body is the delivery's `request_body`) and what came back.
public sealed record AttemptView(
    int Number, string Kind, string Url, string AttemptedAt, JsonElement RequestHeaders, int? ResponseStatus,
    string? ResponseBody, long LatencyMs, string? Error, bool Succeeded);

public sealed record ReplayDeliveryRequest(string? Url = null);

public sealed record BulkReplayRequest(string Status, string? From = null, string? To = null);

public sealed record BulkReplayResult(string WebhookId, string Status, string? From, string? To, int Replayed)
{
    public string Object => "webhook_replay";
}

public sealed record TestDeliveryRequest(string EventType);

/// Where a delivery stands. `pending`: no attempt has finished yet (or a bulk replay is queued);
/// `failed`: the last scheduled attempt failed and a retry is scheduled; `delivered`: an attempt got
/// a 2xx; `abandoned`: all ten scheduled attempts failed (or a queued replay of an abandoned delivery failed).
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Abandoned = "abandoned";

    public static readonly IReadOnlyList<string> All = [Pending, Delivered, Failed, Abandoned];
}

/// Why an attempt runs: part of the retry schedule, or a manual replay (which never schedules retries).
public static class AttemptKind
{
    public const string Scheduled = "scheduled";
    public const string Replay = "replay";
}
