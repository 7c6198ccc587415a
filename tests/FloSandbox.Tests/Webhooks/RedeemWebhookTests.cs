using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public class RedeemWebhookTests
{
    [Fact]
    public async Task A_Redeem_Delivers_Queued_Filled_And_Settled_Signed_And_In_Order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(SandboxFactory.Shared);
        var mint = await kit.Client.SettledMintAsync(5m);
        await kit.SubscribeAsync(receiver, "redeem.*");

        var redeem = await (await kit.Client.RedeemAsync(mint.Str("id"), 2m)).JsonAsync();
        Assert.Equal("settled", redeem.Str("status"));

        var deliveries = await receiver.WaitForAsync(3);
        Assert.All(deliveries, d => Assert.True(d.Verified, "signature did not verify"));
        Assert.Equal(["redeem.queued", "redeem.filled", "redeem.settled"], deliveries.Select(d => d["X-Flo-Event"]));
        var data = deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data")).ToList();
        Assert.All(data, d => Assert.Equal(redeem.Str("id"), d.Str("id")));
        Assert.Equal(["queued", "filled", "settled"], data.Select(d => d.Str("status")));
        Assert.Equal(JsonValueKind.Null, data[0].GetProperty("proceeds_usdc").ValueKind);
        Assert.Equal(redeem.Str("proceeds_usdc"), data[1].Str("proceeds_usdc"));
        Assert.Equal(redeem.ToString(), data[2].ToString());
    }
}
