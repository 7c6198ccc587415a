using System.Diagnostics;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookIsolationTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task A_Hanging_Receiver_Does_Not_Delay_Another_Tenants_Delivery_And_Times_Out_After_Ten_Seconds()
    {
        await using var hanging = await WebhookReceiver.StartAsync();
        var hangStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hanging.Respond = async (_, context) =>
        {
            hangStarted.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return 200;
        };
        var slow = WebhookKit.NewTenant(_app);
        var slowHook = await slow.SubscribeAsync(hanging, "mint.*");
        await slow.AppendEventAsync("mint.queued", new { id = "mnt_slow" });
        await hangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var hungFor = Stopwatch.StartNew();

        await using var healthy = await WebhookReceiver.StartAsync();
        var other = WebhookKit.NewTenant(_app);
        await other.SubscribeAsync(healthy, "mint.*");
        await other.AppendEventAsync("mint.settled", new { id = "mnt_fast" });
        await healthy.WaitForAsync(1, TimeSpan.FromSeconds(5));

        var stillHanging = await slow.OnlyDeliveryAsync(slowHook.Str("id"));
        Assert.Equal(0, stillHanging.GetProperty("attempt_count").GetInt32());
        Assert.True(hungFor.Elapsed < TimeSpan.FromSeconds(9), $"The other tenant's delivery took {hungFor.Elapsed} while the first receiver hung.");

        var timedOut = await slow.WaitForAttemptsAsync(stillHanging.Str("id"), 1, TimeSpan.FromSeconds(20));
        var attempt = Assert.Single(timedOut.GetProperty("attempts").EnumerateArray());
        Assert.Equal("failed", timedOut.Str("status"));
        Assert.Contains("timeout", attempt.Str("error"));
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("response_status").ValueKind);
        Assert.InRange(attempt.GetProperty("latency_ms").GetInt64(), 9_500, 15_000);
    }
}
