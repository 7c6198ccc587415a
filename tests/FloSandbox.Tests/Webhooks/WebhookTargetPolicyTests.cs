using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

/// Which addresses a subscription (or a replay's `url`) may point at, judged when it is created.
public sealed class WebhookTargetPolicyTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "link-local")]
    [InlineData("http://0xa9fea9fe/latest/meta-data/", "link-local")]
    [InlineData("http://169.254.170.2/v2/credentials", "link-local")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/", "link-local")]
    [InlineData("http://[fe80::1]:8080/hook", "link-local")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", "unique-local")]
    [InlineData("http://[fc00::5]/hook", "unique-local")]
    [InlineData("http://100.100.100.200/latest/meta-data/", "metadata")]
    [InlineData("http://0.0.0.0:3000/hook", "unspecified")]
    [InlineData("http://0:3000/hook", "unspecified")]
    [InlineData("http://[::]:3000/hook", "unspecified")]
    [InlineData("http://224.0.0.1/hook", "multicast")]
    [InlineData("http://[ff02::1]/hook", "multicast")]
    [InlineData("http://255.255.255.255/hook", "broadcast")]
    public async Task Subscriptions_To_Metadata_Link_Local_Unique_Local_And_Unroutable_Addresses_Are_Refused(string url, string reason)
    {
        var kit = WebhookKit.NewTenant(_app);

        var response = await kit.Client.PostJsonAsync("/v1/webhooks", new { url, events = new[] { "*" } });

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("url", problem.Str("param"));
        Assert.Contains(reason, problem.Str("detail"));
        var listed = await (await kit.Client.GetAsync("/v1/webhooks")).JsonAsync();
        Assert.Empty(listed.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_Host_Name_No_Resolver_Accepts_Is_A_400_Not_A_500()
    {
        var kit = WebhookKit.NewTenant(_app);
        var url = $"https://{string.Join('.', Enumerable.Repeat(new string('a', 60), 5))}.test/hook";

        var problem = await ProblemAssert.IsProblemAsync(await kit.Client.PostJsonAsync("/v1/webhooks", new { url, events = new[] { "*" } }), "invalid_request");

        Assert.Equal("url", problem.Str("param"));
        Assert.Contains("not a valid host name", problem.Str("detail"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000/flo-webhook")]
    [InlineData("http://localhost:3000/flo-webhook")]
    [InlineData("http://[::1]:3000/flo-webhook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.17.0.1:8000/hook")]
    [InlineData("http://192.168.1.20:8000/hook")]
    [InlineData("https://receiver.example.test/hook")]
    public async Task Loopback_Private_Network_And_Unresolved_Hosts_Are_Accepted(string url)
    {
        var kit = WebhookKit.NewTenant(_app);

        var response = await kit.Client.PostJsonAsync("/v1/webhooks", new { url, events = new[] { "*" } });

        ProblemAssert.IsStatus(response, HttpStatusCode.Created);
        Assert.Equal(url, (await response.JsonAsync()).Str("url"));
    }

    [Fact]
    public async Task A_Replay_To_A_Metadata_Address_Is_Refused_Before_Anything_Is_Sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var kit = WebhookKit.NewTenant(_app);
        await kit.SubscribeAsync(receiver, "fee.*");
        await kit.AppendEventAsync("fee.accrued", new { id = "fee_ssrf" });
        var id = Assert.Single(await receiver.WaitForAsync(1))["X-Flo-Delivery-Id"];
        await kit.WaitForDeliveryAsync(id, d => d.Str("status") == "delivered");

        var replay = await kit.Client.PostJsonAsync($"/v1/webhook_deliveries/{id}/replay", new { url = "http://[::ffff:a9fe:a9fe]/latest/meta-data/" });

        var problem = await ProblemAssert.IsProblemAsync(replay, "invalid_request");
        Assert.Equal("url", problem.Str("param"));
        Assert.Contains("link-local", problem.Str("detail"));
        Assert.Equal(1, (await kit.DeliveryAsync(id)).GetProperty("attempt_count").GetInt32());
    }
}
