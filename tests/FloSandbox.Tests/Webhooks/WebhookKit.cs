using System.Globalization;
using System.Net;
using System.Text.Json;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Webhooks;

/// A tenant with a client, plus the moves webhook tests make: subscribe, append real outbox events, poll deliveries.
public sealed class WebhookKit(SandboxFactory app, string key)
{
    public static WebhookKit NewTenant(SandboxFactory app) => new(app, SandboxFactory.NewKey());

    public SandboxFactory App { get; } = app;
    public string Key { get; } = key;
    public HttpClient Client { get; } = app.ClientFor(key);

    /// Subscribes the receiver and teaches it the secret; returns the create response.
    public async Task<JsonElement> SubscribeAsync(WebhookReceiver receiver, params string[] events)
    {
        var response = await Client.PostJsonAsync("/v1/webhooks", new { url = receiver.Url, events = events.Length == 0 ? ["*"] : events });
        ProblemAssert.IsStatus(response, HttpStatusCode.Created);
        var created = await response.JsonAsync();
        receiver.Secret = created.Str("secret");
        return created;
    }

    /// Appends an event to the outbox in a ledger transaction, exactly as a feature does, and signals the dispatcher.
    public async Task<string> AppendEventAsync(string type, object data)
    {
        var tenant = (await App.Services.GetRequiredService<TenantRegistry>().ResolveAsync(Key)).Tenant;
        var db = App.Services.GetRequiredService<LedgerDatabase>();
        var id = await db.WriteAsync(ledger => FloEvents.AppendAsync(ledger, tenant.Id, type, data, tenant.Clock.GetUtcNow()));
        App.Services.GetRequiredService<OutboxStore>().NotifyAppended();
        return id;
    }

    public async Task<JsonElement> DeliveryAsync(string id, params (string Name, string Value)[] headers)
    {
        var response = await Client.GetAsync($"/v1/webhook_deliveries/{id}", headers);
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    /// Polls the delivery until <paramref name="done"/> holds; fails after the deadline.
    public async Task<JsonElement> WaitForDeliveryAsync(string id, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var delivery = await DeliveryAsync(id);
            if (done(delivery))
            {
                return delivery;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Delivery {id} did not reach the expected state in time: {delivery}");
            }
            await Task.Delay(20);
        }
    }

    public Task<JsonElement> WaitForAttemptsAsync(string id, int attempts, TimeSpan? timeout = null) =>
        WaitForDeliveryAsync(id, d => d.GetProperty("attempt_count").GetInt32() >= attempts, timeout);

    public async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(string webhookId, string query = "")
    {
        var response = await Client.GetAsync($"/v1/webhooks/{webhookId}/deliveries{query}");
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        return [.. (await response.JsonAsync()).GetProperty("data").EnumerateArray()];
    }

    /// The single delivery of the subscription, once fan-out created it.
    public async Task<JsonElement> OnlyDeliveryAsync(string webhookId)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var all = await DeliveriesAsync(webhookId);
            if (all.Count > 0)
            {
                return Assert.Single(all);
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"No delivery was created for {webhookId}.");
            await Task.Delay(20);
        }
    }

    public static DateTimeOffset At(JsonElement element, string name) =>
        DateTimeOffset.Parse(element.Str(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
