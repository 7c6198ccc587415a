using System.Diagnostics;
using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

/// Deleting, resetting and tenant boundaries, with deliveries in flight.
public sealed class WebhookLifecycleTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Deleting_A_Subscription_Stops_Its_Retries_And_Removes_Its_Deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => Task.FromResult(500);
        var kit = WebhookKit.NewTenant(_app);
        var hook = (await kit.SubscribeAsync(receiver, "mint.*")).Str("id");
        await kit.AppendEventAsync("mint.queued", new { id = "mnt_del" });
        var id = (await kit.OnlyDeliveryAsync(hook)).Str("id");
        await kit.WaitForAttemptsAsync(id, 1);

        ProblemAssert.IsStatus(await kit.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/webhooks/{hook}", null), HttpStatusCode.OK);
        await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+3d"));
        await kit.AppendEventAsync("mint.settled", new { id = "mnt_del" });

        await ProblemAssert.IsProblemAsync(await kit.Client.GetAsync($"/v1/webhook_deliveries/{id}"), "resource_not_found");
        // A fresh subscription proves the pipeline ran past both the jump and the new event.
        await using var witness = await WebhookReceiver.StartAsync();
        await kit.SubscribeAsync(witness, "mint.*");
        await kit.AppendEventAsync("mint.filled", new { id = "mnt_witness" });
        await witness.WaitForAsync(1);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Reset_Deletes_Deliveries_And_Their_Attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(_app);
        var hook = (await kit.SubscribeAsync(receiver, "*")).Str("id");
        var test = await (await kit.Client.PostJsonAsync($"/v1/webhooks/{hook}/test", """{"event_type":"fee.accrued"}""")).JsonAsync();
        await kit.WaitForDeliveryAsync(test.Str("id"), d => d.Str("status") == "delivered");

        ProblemAssert.IsStatus(await kit.Client.PostJsonAsync("/v1/sandbox/reset", "{}"), HttpStatusCode.OK);

        await ProblemAssert.IsProblemAsync(await kit.Client.GetAsync($"/v1/webhook_deliveries/{test.Str("id")}"), "resource_not_found");
        await ProblemAssert.IsProblemAsync(await kit.Client.GetAsync($"/v1/webhooks/{hook}/deliveries"), "resource_not_found");
    }

    [Fact]
    public async Task Another_Tenant_Cannot_Read_Replay_Or_Test_Someone_Elses_Deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = WebhookKit.NewTenant(_app);
        var stranger = WebhookKit.NewTenant(_app);
        var hook = (await owner.SubscribeAsync(receiver, "*")).Str("id");
        var delivery = (await (await owner.Client.PostJsonAsync($"/v1/webhooks/{hook}/test", """{"event_type":"bridge.sent"}""")).JsonAsync()).Str("id");
        await receiver.WaitForAsync(1);

        await ProblemAssert.IsProblemAsync(await stranger.Client.GetAsync($"/v1/webhook_deliveries/{delivery}"), "resource_not_found");
        await ProblemAssert.IsProblemAsync(await stranger.Client.PostJsonAsync($"/v1/webhook_deliveries/{delivery}/replay", "{}"), "resource_not_found");
        await ProblemAssert.IsProblemAsync(await stranger.Client.GetAsync($"/v1/webhooks/{hook}/deliveries"), "resource_not_found");
        await ProblemAssert.IsProblemAsync(await stranger.Client.PostJsonAsync($"/v1/webhooks/{hook}/test", """{"event_type":"bridge.sent"}"""), "resource_not_found");
        await ProblemAssert.IsProblemAsync(await stranger.Client.PostJsonAsync($"/v1/webhooks/{hook}/replay", """{"status":"abandoned"}"""), "resource_not_found");
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Moving_The_Clock_Does_Not_Wait_For_A_Hanging_Receiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = async (call, context) =>
        {
            if (call == 1)
            {
                return 500;
            }
            hanging.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return 200;
        };
        var kit = WebhookKit.NewTenant(_app);
        var hook = (await kit.SubscribeAsync(receiver, "fee.*")).Str("id");
        await kit.AppendEventAsync("fee.accrued", new { accrued_usdc = "1.00" });
        await kit.WaitForAttemptsAsync((await kit.OnlyDeliveryAsync(hook)).Str("id"), 1);

        var clock = Stopwatch.StartNew();
        var moved = await kit.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+30s"));
        var took = clock.Elapsed;
        ProblemAssert.IsStatus(moved, HttpStatusCode.OK);
        await hanging.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(took < TimeSpan.FromSeconds(5), $"The X-Flo-Clock request took {took}; it must not wait for the receiver.");
    }
}
