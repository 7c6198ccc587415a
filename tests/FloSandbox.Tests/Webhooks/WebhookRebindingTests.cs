using System.Net;
using System.Text.Json;
using FloSandbox.Flo.Webhooks;
using FloSandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Webhooks;

/// A name that resolved to a receiver when the subscription was made answers with an internal address
/// later (DNS rebinding): every attempt resolves again and is refused before it connects.
public sealed class WebhookRebindingTests
{
    private const string Host = "rebind.test";

    [Fact]
    public async Task A_Host_That_Resolves_To_A_Metadata_Address_At_Delivery_Time_Is_Never_Contacted()
    {
        var dns = new SwitchableResolver { Answer = [IPAddress.Loopback] };
        await using var app = new ResolverFactory(dns);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, context) =>
        {
            // A pooled connection still leads to the address checked when it opened; closing it makes every attempt connect anew.
            context.Response.Headers.Connection = "close";
            return Task.FromResult(200);
        };
        var kit = WebhookKit.NewTenant(app);
        var created = await kit.Client.PostJsonAsync("/v1/webhooks",
            new { url = $"http://{Host}:{new Uri(receiver.Url).Port}/flo-webhook", events = new[] { "mint.*" } });
        ProblemAssert.IsStatus(created, HttpStatusCode.Created);
        var hook = await created.JsonAsync();
        receiver.Secret = hook.Str("secret");
        await kit.AppendEventAsync("mint.queued", new { id = "mnt_before" });
        var first = Assert.Single(await receiver.WaitForAsync(1))["X-Flo-Delivery-Id"];
        await kit.WaitForDeliveryAsync(first, d => d.Str("status") == "delivered");

        dns.Answer = [IPAddress.Parse("169.254.169.254")];
        await kit.AppendEventAsync("mint.settled", new { id = "mnt_after" });
        var second = (await kit.DeliveriesAsync(hook.Str("id"))).Single(d => d.Str("id") != first).Str("id");
        var refused = await kit.WaitForAttemptsAsync(second, 1);
        var test = await (await kit.Client.PostJsonAsync($"/v1/webhooks/{hook.Str("id")}/test", """{"event_type":"mint.failed"}""")).JsonAsync();
        var testRefused = await kit.WaitForAttemptsAsync(test.Str("id"), 1);
        var replay = await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{first}/replay", "{}");

        const string reason = $"Refused to connect to {Host}: 169.254.169.254 is a link-local address";
        Assert.Equal("failed", refused.Str("status"));
        Assert.Equal(WebhookKit.At(refused, "created_at") + TimeSpan.FromSeconds(30), WebhookKit.At(refused, "next_attempt_at"));
        var attempt = Assert.Single(refused.GetProperty("attempts").EnumerateArray());
        Assert.StartsWith(reason, attempt.Str("error"));
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("response_status").ValueKind);
        Assert.StartsWith(reason, Assert.Single(testRefused.GetProperty("attempts").EnumerateArray()).Str("error"));
        ProblemAssert.IsStatus(replay, HttpStatusCode.OK);
        var replayed = await replay.JsonAsync();
        Assert.Equal("delivered", replayed.Str("status"));
        Assert.StartsWith(reason, replayed.GetProperty("attempts").EnumerateArray().Last().Str("error"));

        dns.Answer = [IPAddress.Loopback, IPAddress.Parse("fd00:ec2::254")];
        var mixed = await (await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{first}/replay", "{}")).JsonAsync();
        Assert.StartsWith($"Refused to connect to {Host}: fd00:ec2::254 is a unique-local address",
            mixed.GetProperty("attempts").EnumerateArray().Last().Str("error"));
        Assert.Single(receiver.Received);
    }

    private sealed class SwitchableResolver : IWebhookHostResolver
    {
        private readonly SystemWebhookHostResolver _system = new();

        public IPAddress[] Answer { get; set; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            host == Host ? Task.FromResult(Answer) : _system.ResolveAsync(host, ct);
    }

    private sealed class ResolverFactory(IWebhookHostResolver resolver) : SandboxFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(resolver));
        }
    }
}
