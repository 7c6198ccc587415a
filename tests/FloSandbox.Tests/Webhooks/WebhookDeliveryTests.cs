using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task An_Outbox_Event_Arrives_Signed_With_The_Documented_Headers_And_Body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(_app);
        var webhook = await kit.SubscribeAsync(receiver, "mint.*");
        var eventId = await kit.AppendEventAsync("mint.settled", new { id = "mnt_test01", @object = "mint", status = "settled", quantity = "10.000000" });

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(delivery.Verified);
        Assert.Equal("application/json", delivery["Content-Type"]);
        Assert.StartsWith("Flo-Webhooks/", delivery["User-Agent"]);
        Assert.Equal("mint.settled", delivery["X-Flo-Event"]);
        Assert.Equal(webhook.Str("id"), delivery["X-Flo-Webhook-Id"]);
        Assert.StartsWith("wh_", delivery["X-Flo-Delivery-Id"]);
        Assert.Matches("^[0-9a-f]{64}$", delivery["X-Flo-Signature"]);
        Assert.InRange(long.Parse(delivery["X-Flo-Signature-Timestamp"]), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);

        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(["id", "object", "type", "created", "data"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(eventId, body.Str("id"));
        Assert.Equal("event", body.Str("object"));
        Assert.Equal("mint.settled", body.Str("type"));
        Assert.InRange(body.GetProperty("created").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("mnt_test01", body.GetProperty("data").Str("id"));
        Assert.Equal("10.000000", body.GetProperty("data").Str("quantity"));

        var logged = await kit.WaitForDeliveryAsync(delivery["X-Flo-Delivery-Id"], d => d.Str("status") == "delivered");
        Assert.Equal(webhook.Str("id"), logged.Str("webhook_id"));
        Assert.Equal(eventId, logged.Str("event_id"));
        Assert.Equal(delivery.Text, logged.Str("request_body"));
        var attempt = Assert.Single(logged.GetProperty("attempts").EnumerateArray());
        Assert.Equal(1, attempt.GetProperty("number").GetInt32());
        Assert.Equal("scheduled", attempt.Str("kind"));
        Assert.Equal(receiver.Url, attempt.Str("url"));
        Assert.Equal(200, attempt.GetProperty("response_status").GetInt32());
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("response_body").ValueKind); // kept only when Webhooks:MaxResponseBodyBytes > 0
        Assert.True(attempt.GetProperty("succeeded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("error").ValueKind);
        Assert.True(attempt.GetProperty("latency_ms").GetInt64() >= 0);
        Assert.Equal(delivery["X-Flo-Signature"], attempt.GetProperty("request_headers").Str("X-Flo-Signature"));
        Assert.Equal(JsonValueKind.Null, logged.GetProperty("next_attempt_at").ValueKind);
    }

    [Fact]
    public async Task The_Receiver_Rejects_A_Tampered_Body_And_A_Stale_Timestamp()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(_app);
        await kit.SubscribeAsync(receiver);
        await kit.AppendEventAsync("fee.accrued", new { destination = "0x9f2c", accrued_usdc = "12.40" });
        var genuine = Assert.Single(await receiver.WaitForAsync(1));
        using var http = new HttpClient();

        async Task<HttpStatusCode> ResendAsync(string body, string timestamp, string signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Flo-Signature", signature);
            request.Headers.Add("X-Flo-Signature-Timestamp", timestamp);
            return (await http.SendAsync(request)).StatusCode;
        }

        var timestamp = genuine["X-Flo-Signature-Timestamp"];
        Assert.Equal(HttpStatusCode.OK, await ResendAsync(genuine.Text, timestamp, genuine["X-Flo-Signature"]));
        Assert.Equal(HttpStatusCode.Unauthorized, await ResendAsync(genuine.Text.Replace("12.40", "99.40"), timestamp, genuine["X-Flo-Signature"]));
        var stale = (long.Parse(timestamp) - 301).ToString();
        var staleSignature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(receiver.Secret),
            Encoding.UTF8.GetBytes($"{stale}.{genuine.Text}")));
        Assert.Equal(HttpStatusCode.Unauthorized, await ResendAsync(genuine.Text, stale, staleSignature));
        Assert.Equal(HttpStatusCode.Unauthorized, await ResendAsync(genuine.Text, stale, genuine["X-Flo-Signature"]));
        Assert.False(WebhookReceiver.Verify(genuine.Body, "whsec_wrong_secret", genuine["X-Flo-Signature"], timestamp, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Only_Matching_Subscriptions_Of_The_Same_Tenant_Get_The_Event()
    {
        await using var mints = await WebhookReceiver.StartAsync();
        await using var bridges = await WebhookReceiver.StartAsync();
        await using var exact = await WebhookReceiver.StartAsync();
        await using var stranger = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(_app);
        var other = WebhookKit.NewTenant(_app);
        await kit.SubscribeAsync(mints, "mint.*");
        var bridgeHook = await kit.SubscribeAsync(bridges, "bridge.*");
        await kit.SubscribeAsync(exact, "redeem.settled", "mint.queued");
        await other.SubscribeAsync(stranger, "*");

        await kit.AppendEventAsync("mint.queued", new { id = "mnt_1" });
        await kit.AppendEventAsync("mint.filled", new { id = "mnt_1" });

        Assert.Equal(["mint.queued", "mint.filled"], (await mints.WaitForAsync(2)).Select(d => d["X-Flo-Event"]));
        Assert.Equal("mint.queued", Assert.Single(await exact.WaitForAsync(1))["X-Flo-Event"]);
        Assert.Empty(await kit.DeliveriesAsync(bridgeHook.Str("id")));
        Assert.Empty(bridges.Received);
        Assert.Empty(stranger.Received);
    }

    [Fact]
    public async Task Events_For_One_Subscription_Arrive_In_Outbox_Order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // A jittery receiver: if two attempts of one subscription ever overlapped, arrival order would scramble.
        receiver.Respond = async (call, _) =>
        {
            await Task.Delay(call * 7 % 5 * 4);
            return 200;
        };
        var kit = WebhookKit.NewTenant(_app);
        await kit.SubscribeAsync(receiver, "position.*");
        var ids = new List<string>();
        for (var n = 0; n < 12; n++)
        {
            ids.Add(await kit.AppendEventAsync(n % 2 == 0 ? "position.nav_updated" : "position.yield_accrued", new { n }));
        }

        var arrived = await receiver.WaitForAsync(12);
        Assert.Equal(ids, arrived.Select(d => JsonDocument.Parse(d.Body).RootElement.Str("id")));
        Assert.Equal(Enumerable.Range(0, 12), arrived.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").GetProperty("n").GetInt32()));
    }
}
