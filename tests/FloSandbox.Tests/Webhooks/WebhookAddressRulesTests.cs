using System.Net;
using FloSandbox.Flo.Webhooks;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookAddressRulesTests
{
    [Theory]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::169.254.169.254", "link-local")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00:ec2::254", "unique-local")]
    [InlineData("fc12:3456::1", "unique-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("100.100.100.200", "metadata")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff05::2", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    public void Unroutable_And_Host_Internal_Addresses_Are_Refused(string address, string reason) =>
        Assert.Contains(reason, WebhookAddressRules.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.17.0.2")]
    [InlineData("192.168.0.10")]
    [InlineData("100.64.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700::1111")]
    public void Loopback_Private_And_Public_Addresses_Are_Allowed(string address) =>
        Assert.Null(WebhookAddressRules.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.1.", "127.0.0.1")]
    [InlineData("0xa9fea9fe", "169.254.169.254")]
    [InlineData("[::1]", "::1")]
    [InlineData("fe80::1%25eth0", "fe80::1")]
    public void Ip_Literals_Are_Read_In_Every_Spelling_The_Os_Accepts(string host, string address) =>
        Assert.Equal(IPAddress.Parse(address), SystemWebhookHostResolver.Literal(host));

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost.")]
    [InlineData("LOCALHOST")]
    [InlineData("api.localhost")]
    [InlineData("api.localhost.")]
    public async Task Localhost_Names_Are_Loopback_Whatever_The_Local_Resolver_Says(string host)
    {
        var addresses = await new SystemWebhookHostResolver().ResolveAsync(host, CancellationToken.None);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a)));
        Assert.NotEmpty(addresses);
    }

    [Theory]
    [InlineData("example.test")]
    [InlineData("1e100.net")]
    [InlineData("receiver.123")]
    public void Names_Are_Not_Literals(string host) => Assert.Null(SystemWebhookHostResolver.Literal(host));
}
