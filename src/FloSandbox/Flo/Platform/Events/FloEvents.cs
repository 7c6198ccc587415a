using System.Text.Json;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Outbox;
using FloSandbox.Flo.Platform.Json;

namespace FloSandbox.Flo.Platform.Events;

/// Flo's events into the core outbox: names from Flo's catalog, data in Flo's wire JSON.
public static class FloEvents
{
    /// Appends one event inside the caller's transaction; <paramref name="data"/> is the resource as the API returns it.
    public static Task<string> AppendAsync(LedgerSession ledger, string tenantId, string type, object data, DateTimeOffset now) =>
        EventTypes.IsKnown(type)
        ? OutboxStore.AppendAsync(ledger, tenantId, type, JsonSerializer.Serialize(data, data.GetType(), FloJson.Options), now)
        : throw new ArgumentException($"'{type}' is not in the event catalog.", nameof(type));
}
