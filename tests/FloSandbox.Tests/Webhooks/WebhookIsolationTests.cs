using System.Net;
using System.Text.Json;
using FloSandbox.Flo.Webhooks;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FloSandbox.Tests.Webhooks;

/// Hanging receivers on a sandbox whose attempt timeouts run on a fake clock: nothing here waits for a real timeout.
public sealed class WebhookIsolationTests(AttemptClockFactory app) : IClassFixture<AttemptClockFactory>
{
    private const string SharedSecret = "whsec_one_secret_for_every_hanging_subscription";
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(5);

    private WebhookOptions Options => app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;

    [Fact]
    public async Task A_Hanging_Receiver_Does_Not_Delay_Another_Tenants_Delivery_And_Times_Out_After_The_Attempt_Timeout()
    {
        await using var hanging = await WebhookReceiver.StartAsync();
        var hangStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hanging.Respond = async (_, context) =>
        {
            hangStarted.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            return 200;
        };
        var slow = WebhookKit.NewTenant(app);
        var slowHook = await slow.SubscribeAsync(hanging, "mint.*");
        await slow.AppendEventAsync("mint.queued", new { id = "mnt_slow" });
        await hangStarted.Task.WaitAsync(Arrival);

        await using var healthy = await WebhookReceiver.StartAsync();
        var other = WebhookKit.NewTenant(app);
        await other.SubscribeAsync(healthy, "mint.*");
        await other.AppendEventAsync("mint.settled", new { id = "mnt_fast" });
        await healthy.WaitForAsync(1, Arrival);
        var stillHanging = await slow.OnlyDeliveryAsync(slowHook.Str("id"));
        Assert.Equal(0, stillHanging.GetProperty("attempt_count").GetInt32());

        app.AttemptClock.Advance(Options.AttemptTimeout);

        var timedOut = await slow.WaitForAttemptsAsync(stillHanging.Str("id"), 1);
        var attempt = Assert.Single(timedOut.GetProperty("attempts").EnumerateArray());
        Assert.Equal("failed", timedOut.Str("status"));
        Assert.Equal("No complete answer within 10 s (timeout).", attempt.Str("error"));
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("response_status").ValueKind);
        Assert.Equal((long)Options.AttemptTimeout.TotalMilliseconds, attempt.GetProperty("latency_ms").GetInt64());
        Assert.Equal(WebhookKit.At(timedOut, "created_at") + TimeSpan.FromSeconds(30), WebhookKit.At(timedOut, "next_attempt_at"));
    }

    [Fact]
    public async Task Forty_Hanging_Receivers_Hold_Only_Their_Tenants_Share_Of_Workers_And_Another_Tenants_Delivery_Arrives()
    {
        var share = Math.Max(1, Options.Workers / 4);
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Secret = SharedSecret;
        hanging.Respond = async (_, context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            return 200;
        };
        var noisy = WebhookKit.NewTenant(app);
        for (var i = 0; i < 40; i++)
        {
            var created = await noisy.Client.PostJsonAsync("/v1/webhooks", new { url = hanging.Url, events = new[] { "mint.*" }, secret = SharedSecret });
            ProblemAssert.IsStatus(created, HttpStatusCode.Created);
        }
        await noisy.AppendEventAsync("mint.queued", new { id = "mnt_noisy" });
        await hanging.WaitForAsync(share, Arrival);

        await using var healthy = await WebhookReceiver.StartAsync();
        var other = WebhookKit.NewTenant(app);
        await other.SubscribeAsync(healthy, "mint.*");
        await other.AppendEventAsync("mint.settled", new { id = "mnt_other" });

        var arrived = Assert.Single(await healthy.WaitForAsync(1, Arrival));
        Assert.True(arrived.Verified);
        Assert.Equal(share, hanging.Received.Count);

        // The hung attempts cost their own tenant: when they time out, its next subscriptions get their turn.
        app.AttemptClock.Advance(Options.AttemptTimeout);
        await hanging.WaitForAsync(2 * share, Arrival);
    }

    [Fact]
    public async Task A_Backlog_Behind_A_Hanging_Receiver_Does_Not_Keep_Another_Tenants_Delivery_Unclaimed()
    {
        await using var small = AttemptClockFactory.With(new Dictionary<string, string?> { ["Webhooks:QueueCapacity"] = "8" });
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Respond = async (_, context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            return 200;
        };
        var noisy = WebhookKit.NewTenant(small);
        var noisyHook = (await noisy.SubscribeAsync(hanging, "mint.*")).Str("id");
        for (var i = 0; i < 20; i++)
        {
            await noisy.AppendEventAsync("mint.queued", new { id = $"mnt_backlog{i}" });
        }
        await hanging.WaitForAsync(1, Arrival);

        await using var healthy = await WebhookReceiver.StartAsync();
        var other = WebhookKit.NewTenant(small);
        await other.SubscribeAsync(healthy, "mint.*");
        await other.AppendEventAsync("mint.settled", new { id = "mnt_behind_backlog" });

        Assert.True(Assert.Single(await healthy.WaitForAsync(1, Arrival)).Verified);
        Assert.Single(hanging.Received);
        Assert.Equal(20, (await noisy.DeliveriesAsync(noisyHook, "?limit=100")).Count(d => d.Str("status") == "pending"));
    }
}
