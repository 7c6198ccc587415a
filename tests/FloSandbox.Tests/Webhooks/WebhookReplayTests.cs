using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookReplayTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Replay_Sends_The_Same_Delivery_Again_With_A_Fresh_Signature_To_The_Same_Or_Another_Url()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var elsewhere = await WebhookReceiver.StartAsync("/fixed-handler");
        var kit = WebhookKit.NewTenant(_app);
        var hook = await kit.SubscribeAsync(receiver, "mint.*");
        elsewhere.Secret = receiver.Secret;
        await kit.AppendEventAsync("mint.filled", new { id = "mnt_replay" });
        var first = Assert.Single(await receiver.WaitForAsync(1));
        var id = first["X-Flo-Delivery-Id"];
        await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "delivered");

        var replay = await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", "");
        ProblemAssert.IsStatus(replay, HttpStatusCode.OK);
        var again = (await receiver.WaitForAsync(2))[1];
        Assert.True(again.Verified);
        Assert.Equal(id, again["X-Flo-Delivery-Id"]);
        Assert.Equal(first.Text, again.Text);
        var body = await replay.JsonAsync();
        Assert.Equal("delivered", body.Str("status"));
        var attempt = body.GetProperty("attempts").EnumerateArray().Last();
        Assert.Equal(2, attempt.GetProperty("number").GetInt32());
        Assert.Equal("replay", attempt.Str("kind"));
        Assert.Equal(again["X-Flo-Signature"], attempt.GetProperty("request_headers").Str("X-Flo-Signature"));

        var redirected = await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", new { url = elsewhere.Url });
        ProblemAssert.IsStatus(redirected, HttpStatusCode.OK);
        var moved = Assert.Single(await elsewhere.WaitForAsync(1));
        Assert.True(moved.Verified);
        Assert.Equal(id, moved["X-Flo-Delivery-Id"]);
        Assert.Equal(hook.Str("id"), moved["X-Flo-Webhook-Id"]);
        Assert.Equal(elsewhere.Url, (await redirected.JsonAsync()).GetProperty("attempts").EnumerateArray().Last().Str("url"));
        Assert.Equal(3, (await kit.DeliveryAsync(id)).GetProperty("attempt_count").GetInt32());

        var bad = await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", """{"url":"mailto:ops@example.test"}""");
        Assert.Equal("url", (await ProblemAssert.IsProblemAsync(bad, "invalid_request")).Str("param"));
        var missing = await ProblemAssert.IsProblemAsync(await kit.Client.PostJsonAsync("/v1/webhook_deliveries/wh_nope/replay", "{}"), "resource_not_found");
        Assert.Equal("webhook_delivery", missing.Str("resource"));
    }

    [Fact]
    public async Task Replay_Reports_The_Receivers_Status_And_Latency_But_Never_Its_Body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var internalService = await WebhookReceiver.StartAsync("/admin/export");
        receiver.AnswerBody = "receiver internals";
        var kit = WebhookKit.NewTenant(_app);
        await kit.SubscribeAsync(receiver, "fee.*");
        internalService.Secret = receiver.Secret;
        internalService.AnswerBody = """{"db_password":"hunter2"}""";
        await kit.AppendEventAsync("fee.accrued", new { id = "fee_body" });
        var id = Assert.Single(await receiver.WaitForAsync(1))["X-Flo-Delivery-Id"];
        await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "delivered");

        var replay = await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", new { url = internalService.Url });

        ProblemAssert.IsStatus(replay, HttpStatusCode.OK);
        var text = await replay.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("receiver internals", text);
        var attempt = (await replay.JsonAsync()).GetProperty("attempts").EnumerateArray().Last();
        Assert.Equal(200, attempt.GetProperty("response_status").GetInt32());
        Assert.True(attempt.GetProperty("succeeded").GetBoolean());
        Assert.True(attempt.GetProperty("latency_ms").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("response_body").ValueKind);
        var logged = await kit.Client.GetStringAsync($"/v1/webhook_deliveries/{id}");
        Assert.DoesNotContain("hunter2", logged);
        Assert.DoesNotContain("receiver internals", logged);
    }

    [Fact]
    public async Task With_Response_Bodies_Kept_The_Log_Shows_A_Prefix_But_A_Replay_Still_Does_Not_Return_It()
    {
        await using var app = new SandboxFactory(new Dictionary<string, string?> { ["Webhooks:MaxResponseBodyBytes"] = "8" });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerBody = "signature mismatch: check your secret";
        var kit = WebhookKit.NewTenant(app);
        await kit.SubscribeAsync(receiver, "fee.*");
        await kit.AppendEventAsync("fee.accrued", new { id = "fee_kept" });
        var id = Assert.Single(await receiver.WaitForAsync(1))["X-Flo-Delivery-Id"];
        var logged = await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "delivered");
        Assert.Equal("signatur", Assert.Single(logged.GetProperty("attempts").EnumerateArray()).Str("response_body"));

        var replay = await (await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", "{}")).JsonAsync();

        Assert.Equal(2, replay.GetProperty("attempts").GetArrayLength());
        Assert.All(replay.GetProperty("attempts").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("response_body").ValueKind));
        var after = await kit.DeliveryAsync(id);
        Assert.All(after.GetProperty("attempts").EnumerateArray(), a => Assert.Equal("signatur", a.Str("response_body")));
    }

    [Fact]
    public async Task A_Failed_Replay_Is_Logged_And_Leaves_The_Status_Alone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (call, _) => Task.FromResult(call == 1 ? 200 : 500);
        var kit = WebhookKit.NewTenant(_app);
        await kit.SubscribeAsync(receiver, "fee.*");
        await kit.AppendEventAsync("fee.settled", new { destination = "0x9f2c" });
        var id = Assert.Single(await receiver.WaitForAsync(1))["X-Flo-Delivery-Id"];
        await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "delivered");

        var replay = await (await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", "{}")).JsonAsync();

        Assert.Equal("delivered", replay.Str("status"));
        var attempt = replay.GetProperty("attempts").EnumerateArray().Last();
        Assert.False(attempt.GetProperty("succeeded").GetBoolean());
        Assert.Equal(500, attempt.GetProperty("response_status").GetInt32());
        Assert.Equal(JsonValueKind.Null, replay.GetProperty("next_attempt_at").ValueKind);
    }

    [Fact]
    public async Task Bulk_Replay_Resends_Abandoned_Deliveries_In_The_Time_Range_Only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var fixedHandler = false;
        receiver.Respond = (_, _) => Task.FromResult(Volatile.Read(ref fixedHandler) ? 200 : 500);
        var kit = WebhookKit.NewTenant(_app);
        var hook = (await kit.SubscribeAsync(receiver, "mint.*")).Str("id");
        await kit.AppendEventAsync("mint.queued", new { id = "mnt_a" });
        await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+1m"));
        await kit.AppendEventAsync("mint.failed", new { id = "mnt_b" });
        await receiver.WaitForAsync(2);
        await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+3d"));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        IReadOnlyList<JsonElement> abandoned;
        while ((abandoned = await kit.DeliveriesAsync(hook, "?status=abandoned")).Count < 2)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "Both deliveries should be abandoned after +3d.");
            await Task.Delay(20);
        }
        Volatile.Write(ref fixedHandler, true);
        var (a, b) = (abandoned[0], abandoned[1]);

        var only = await kit.Client.PostJsonAsync($"/v1/webhooks/{hook}/replay",
            new { status = "abandoned", from = a.Str("created_at"), to = a.Str("created_at") });
        ProblemAssert.IsStatus(only, HttpStatusCode.Accepted);
        var result = await only.JsonAsync();
        Assert.Equal("webhook_replay", result.Str("object"));
        Assert.Equal(1, result.GetProperty("replayed").GetInt32());
        var replayed = await kit.WaitForDeliveryAsync(a.Str("id"), d => d.Str("status") == "delivered");
        Assert.Equal("replay", replayed.GetProperty("attempts").EnumerateArray().Last().Str("kind"));
        Assert.Equal(11, replayed.GetProperty("attempt_count").GetInt32());
        Assert.Equal(b.Str("id"), Assert.Single(await kit.DeliveriesAsync(hook, "?status=abandoned")).Str("id"));

        var rest = await (await kit.Client.PostJsonAsync($"/v1/webhooks/{hook}/replay",
            """{"status":"abandoned","from":"2000-01-01T00:00:00Z","to":"2999-01-01T00:00:00Z"}""")).JsonAsync();
        Assert.Equal(1, rest.GetProperty("replayed").GetInt32());
        await kit.WaitForDeliveryAsync(b.Str("id"), d => d.Str("status") == "delivered");
        Assert.Empty(await kit.DeliveriesAsync(hook, "?status=abandoned"));
        Assert.Equal(2, (await kit.DeliveriesAsync(hook, "?status=delivered")).Count);
    }

    [Theory]
    [InlineData("""{"status":"failed"}""", "status")]
    [InlineData("""{"status":"abandoned","from":"yesterday"}""", "from")]
    [InlineData("""{"status":"abandoned","from":"2026-05-02T00:00:00Z","to":"2026-05-01T00:00:00Z"}""", "from")]
    [InlineData("""{"from":"2026-05-02T00:00:00Z"}""", "status")]
    public async Task Bulk_Replay_Validates_Its_Body(string json, string param)
    {
        var kit = WebhookKit.NewTenant(_app);
        var hook = await (await kit.Client.PostJsonAsync("/v1/webhooks", """{"url":"https://example.test/h","events":["*"]}""")).JsonAsync();
        var problem = await ProblemAssert.IsProblemAsync(await kit.Client.PostJsonAsync($"/v1/webhooks/{hook.Str("id")}/replay", json), "invalid_request");
        Assert.Equal(param, problem.Str("param"));
    }
}
