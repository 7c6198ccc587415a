using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public class MintWebhookTests
{
    [Fact]
    public async Task A_Mint_Delivers_Its_Events_Signed_And_In_Order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(SandboxFactory.Shared);
        await kit.SubscribeAsync(receiver, "mint.*");
        var ticker = TestTickers.Unique();

        var mint = await (await kit.Client.MintAsync(ticker, 2)).JsonAsync();
        Assert.Equal("settled", mint.Str("status"));

        var deliveries = await receiver.WaitForAsync(3);
        Assert.All(deliveries, d => Assert.True(d.Verified, "signature did not verify"));
        Assert.Equal(["mint.filled", "mint.contract_deployed", "mint.settled"], deliveries.Select(d => d["X-Flo-Event"]));
        var settled = JsonDocument.Parse(deliveries[2].Body).RootElement;
        Assert.Equal("mint.settled", settled.Str("type"));
        Assert.Equal(mint.ToString(), settled.GetProperty("data").ToString());
        Assert.Equal(mint.Str("id"), JsonDocument.Parse(deliveries[0].Body).RootElement.GetProperty("data").Str("id"));
    }
}
