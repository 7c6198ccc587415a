using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookTestDeliveryTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("mint.settled", "mint", "settled")]
    [InlineData("redeem.failed", "redeem", "failed")]
    [InlineData("borrow.health_low", "borrow", "funded")]
    [InlineData("bridge.delivered", "bridge", "delivered")]
    public async Task A_Test_Delivery_Sends_A_Plausible_Synthetic_Resource_Signed_Like_Any_Other(string type, string resource, string status)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(_app);
        var hook = await kit.SubscribeAsync(receiver, "fee.*");

        var response = await kit.Client.PostJsonAsync($"/v1/webhooks/{hook.Str("id")}/test", new { event_type = type });

        ProblemAssert.IsStatus(response, HttpStatusCode.Accepted);
        var queued = await response.JsonAsync();
        Assert.True(queued.GetProperty("test").GetBoolean());
        Assert.Equal($"/v1/webhook_deliveries/{queued.Str("id")}", response.Headers.Location!.OriginalString);
        var arrived = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(arrived.Verified);
        Assert.Equal(type, arrived["X-Flo-Event"]);
        Assert.Equal(queued.Str("id"), arrived["X-Flo-Delivery-Id"]);
        var body = JsonDocument.Parse(arrived.Body).RootElement;
        Assert.Equal(type, body.Str("type"));
        Assert.StartsWith("evt_", body.Str("id"));
        Assert.Equal(resource, body.GetProperty("data").Str("object"));
        Assert.Equal(status, body.GetProperty("data").Str("status"));
        Assert.StartsWith(resource[..2] switch { "mi" => "mnt_", "re" => "rdm_", "bo" => "brw_", _ => "brg_" }, body.GetProperty("data").Str("id"));
    }

    [Fact]
    public async Task A_Test_Delivery_Goes_Through_The_Retry_Schedule()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (call, _) => Task.FromResult(call == 1 ? 502 : 200);
        var kit = WebhookKit.NewTenant(_app);
        var hook = await kit.SubscribeAsync(receiver, "*");
        var id = (await (await kit.Client.PostJsonAsync($"/v1/webhooks/{hook.Str("id")}/test", """{"event_type":"position.nav_updated"}""")).JsonAsync()).Str("id");

        var failed = await kit.WaitForAttemptsAsync(id, 1);
        Assert.Equal("failed", failed.Str("status"));
        await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+30s"));
        var delivered = await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "delivered");
        Assert.Equal(2, delivered.GetProperty("attempt_count").GetInt32());
        Assert.Equal(2, (await receiver.WaitForAsync(2)).Count);
    }

    [Fact]
    public async Task Unknown_Event_Types_Are_Refused_With_The_Catalog()
    {
        var kit = WebhookKit.NewTenant(_app);
        var hook = await (await kit.Client.PostJsonAsync("/v1/webhooks", """{"url":"https://example.test/h","events":["*"]}""")).JsonAsync();
        var problem = await ProblemAssert.IsProblemAsync(
            await kit.Client.PostJsonAsync($"/v1/webhooks/{hook.Str("id")}/test", """{"event_type":"mint.*"}"""), "invalid_request");
        Assert.Equal("event_type", problem.Str("param"));
        Assert.Contains("mint.settled", problem.GetProperty("valid_events").EnumerateArray().Select(e => e.GetString()));
    }
}
