using System.Net;
using System.Text.Json;
using FloSandbox.Flo.Webhooks;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

/// The documented retry schedule, walked on the tenant clock with X-Flo-Clock.
public sealed class WebhookRetryTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(20);
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Receiver_Failing_Three_Times_Gets_Four_Attempts_On_Schedule_Then_The_Delivery_Is_Delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (call, _) => Task.FromResult(call <= 3 ? 503 : 204);
        var kit = WebhookKit.NewTenant(_app);
        var hook = await kit.SubscribeAsync(receiver, "redeem.*");
        await kit.AppendEventAsync("redeem.settled", new { id = "rdm_retry" });
        var id = (await kit.OnlyDeliveryAsync(hook.Str("id"))).Str("id");

        var delivery = await kit.WaitForAttemptsAsync(id, 1);
        Assert.Equal("failed", delivery.Str("status"));
        Assert.Equal(WebhookKit.At(delivery, "created_at") + TimeSpan.FromSeconds(30), WebhookKit.At(delivery, "next_attempt_at"));
        delivery = await WalkAsync(kit, id, attempts: 4);

        Assert.Equal("delivered", delivery.Str("status"));
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("next_attempt_at").ValueKind);
        var attempts = AssertOnSchedule(delivery, 4);
        Assert.Equal([503, 503, 503, 204], attempts.Select(a => a.GetProperty("response_status").GetInt32()));
        Assert.All(attempts.Take(3), a => Assert.Contains("HTTP 503", a.Str("error")));
        var arrived = await receiver.WaitForAsync(4);
        Assert.Equal(4, arrived.Count);
        Assert.All(arrived, d => Assert.Equal(id, d["X-Flo-Delivery-Id"]));
        Assert.Equal("delivered", (await kit.DeliveriesAsync(hook.Str("id"), "?status=delivered")).Single().Str("status"));
    }

    [Fact]
    public async Task A_Receiver_That_Always_Fails_Is_Abandoned_After_The_Tenth_Attempt_At_72_Hours()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => Task.FromResult(500);
        var kit = WebhookKit.NewTenant(_app);
        var hook = await kit.SubscribeAsync(receiver, "borrow.*");
        await kit.AppendEventAsync("borrow.health_low", new { id = "brw_retry" });
        var id = (await kit.OnlyDeliveryAsync(hook.Str("id"))).Str("id");
        await kit.WaitForAttemptsAsync(id, 1);

        var delivery = await WalkAsync(kit, id, attempts: 10);

        Assert.Equal("abandoned", delivery.Str("status"));
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("next_attempt_at").ValueKind);
        AssertOnSchedule(delivery, 10);
        var after = await kit.DeliveryAsync(id, ("X-Flo-Clock", "+30d"));
        Assert.Equal(10, after.GetProperty("attempt_count").GetInt32());
        Assert.Equal(id, Assert.Single(await kit.DeliveriesAsync(hook.Str("id"), "?status=abandoned")).Str("id"));
        Assert.Empty(await kit.DeliveriesAsync(hook.Str("id"), "?status=failed"));
    }

    [Fact]
    public async Task One_Big_Clock_Jump_Runs_Every_Attempt_That_Fell_Due_Promptly()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => Task.FromResult(500);
        var kit = WebhookKit.NewTenant(_app);
        var hook = await kit.SubscribeAsync(receiver, "bridge.*");
        await kit.AppendEventAsync("bridge.reverted", new { id = "brg_jump" });
        var id = (await kit.OnlyDeliveryAsync(hook.Str("id"))).Str("id");
        await kit.WaitForAttemptsAsync(id, 1);

        var jump = await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+3d"));
        ProblemAssert.IsStatus(jump, HttpStatusCode.OK);
        var delivery = await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "abandoned", TimeSpan.FromSeconds(5));

        Assert.Equal(10, delivery.GetProperty("attempt_count").GetInt32());
        Assert.Equal(10, (await receiver.WaitForAsync(10)).Count);
    }

    [Fact]
    public async Task Unknown_Status_Filters_Are_Refused()
    {
        var kit = WebhookKit.NewTenant(_app);
        var hook = await (await kit.Client.PostJsonAsync("/v1/webhooks", """{"url":"https://example.test/h","events":["*"]}""")).JsonAsync();
        var problem = await ProblemAssert.IsProblemAsync(await kit.Client.GetAsync($"/v1/webhooks/{hook.Str("id")}/deliveries?status=retrying"), "invalid_request");
        Assert.Equal("status", problem.Str("param"));
        Assert.Contains("pending, delivered, failed, abandoned", problem.Str("detail"));
    }

    /// Moves the tenant clock to each next slot of the schedule and waits for that attempt.
    private static async Task<JsonElement> WalkAsync(WebhookKit kit, string id, int attempts)
    {
        var delivery = await kit.DeliveryAsync(id);
        for (var n = 2; n <= attempts; n++)
        {
            var step = RetrySchedule.Offsets[n - 1] - RetrySchedule.Offsets[n - 2];
            var moved = await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", $"+{(long)step.TotalSeconds}s"));
            ProblemAssert.IsStatus(moved, HttpStatusCode.OK);
            delivery = await kit.WaitForAttemptsAsync(id, n);
        }
        return delivery;
    }

    /// Attempt n ran no earlier than t + its slot, and no later than the real time the walk took.
    private static IReadOnlyList<JsonElement> AssertOnSchedule(JsonElement delivery, int count)
    {
        var created = WebhookKit.At(delivery, "created_at");
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(count, attempts.Count);
        for (var n = 1; n <= count; n++)
        {
            var attempt = attempts[n - 1];
            Assert.Equal(n, attempt.GetProperty("number").GetInt32());
            Assert.Equal("scheduled", attempt.Str("kind"));
            var offset = WebhookKit.At(attempt, "attempted_at") - created;
            var slot = RetrySchedule.Offsets[n - 1];
            Assert.True(offset >= slot && offset < slot + Slack, $"Attempt {n} ran at t+{offset}, expected t+{slot}.");
        }
        return attempts;
    }
}
