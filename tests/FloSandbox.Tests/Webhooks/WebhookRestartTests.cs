using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookRestartTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-webhooks-" + Guid.NewGuid().ToString("N"));

    private SandboxFactory Start(string outboxPoll)
    {
        var factory = new SandboxFactory(new Dictionary<string, string?>
        {
            ["Ledger:InMemory"] = "false",
            ["DataDir"] = _dataDir,
            ["Webhooks:OutboxPollInterval"] = outboxPoll,
        });
        factory.StartServer();
        return factory;
    }

    [Fact]
    public async Task Pending_Retries_And_Undelivered_Events_Survive_A_Restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (call, _) => Task.FromResult(call == 1 ? 500 : 200);
        var key = SandboxFactory.NewKey();
        string retrying, hookId;
        using (var first = Start(outboxPoll: "01:00:00"))
        {
            var kit = new WebhookKit(first, key);
            hookId = (await kit.SubscribeAsync(receiver, "redeem.*")).Str("id");
            await kit.AppendEventAsync("redeem.queued", new { id = "rdm_before" });
            retrying = (await kit.OnlyDeliveryAsync(hookId)).Str("id");
            Assert.Equal("failed", (await kit.WaitForAttemptsAsync(retrying, 1)).Str("status"));
            // Appended while this process stops: never signalled, and the hour-long poll never comes.
            await AppendWithoutSignalAsync(first, key, "redeem.settled");
        }

        using var second = Start(outboxPoll: "00:00:01");
        var again = new WebhookKit(second, key);
        var arrivedAfterRestart = await receiver.WaitForAsync(2);
        Assert.Equal("redeem.settled", arrivedAfterRestart[1]["X-Flo-Event"]);
        Assert.Equal("failed", (await again.DeliveryAsync(retrying)).Str("status"));

        await again.Client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+30s"));
        var delivered = await again.WaitForDeliveryAsync(retrying, d => d.Str("status") == "delivered");
        Assert.Equal(2, delivered.GetProperty("attempt_count").GetInt32());
        var third = (await receiver.WaitForAsync(3))[2];
        Assert.True(third.Verified);
        Assert.Equal(retrying, third["X-Flo-Delivery-Id"]);
        Assert.Equal(2, (await again.DeliveriesAsync(hookId)).Count);
    }

    private static async Task AppendWithoutSignalAsync(SandboxFactory app, string key, string type)
    {
        var tenant = (await app.Services.GetRequiredService<TenantRegistry>().ResolveAsync(key)).Tenant;
        var db = app.Services.GetRequiredService<LedgerDatabase>();
        await db.WriteAsync(ledger => FloEvents.AppendAsync(ledger, tenant.Id, type, new { id = "rdm_after" }, tenant.Clock.GetUtcNow()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
