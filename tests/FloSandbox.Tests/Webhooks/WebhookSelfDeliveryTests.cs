using System.Net;
using FloSandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Webhooks;

/// The sandbox on a real Kestrel port, so it knows its own listening address.
public sealed class WebhookSelfDeliveryTests
{
    [Fact]
    public async Task Subscriptions_And_Replays_To_The_Sandboxs_Own_Port_Are_Refused_Under_Every_Alias()
    {
        await using var app = new SandboxFactory();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var client = app.NewTenantClient();

        string[] aliases =
        [
            $"http://127.0.0.1:{port}/v1/webhooks", $"http://localhost:{port}/hook", $"http://[::1]:{port}/", $"https://0.0.0.0:{port}/x",
            $"http://localhost.:{port}/v1/sandbox/reset", $"http://LocalHost.:{port}/", $"http://api.localhost:{port}/", $"http://127.0.0.1.:{port}/",
            $"http://0x7f000001:{port}/", $"http://127.1:{port}/", $"http://2130706433:{port}/", $"http://0177.0.0.1:{port}/",
            $"http://127.0.0.2:{port}/", $"http://[::ffff:127.0.0.1]:{port}/", $"http://[::ffff:7f00:1]:{port}/",
            $"http://{System.Net.Dns.GetHostName()}:{port}/",
        ];
        var accepted = new List<string>();
        foreach (var url in aliases)
        {
            var response = await client.PostJsonAsync("/v1/webhooks", new { url, events = new[] { "*" } });
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add(url);
                continue;
            }
            var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
            Assert.Equal("url", problem.Str("param"));
            Assert.Contains("own listening address", problem.Str("detail"));
        }
        Assert.Empty(accepted);
        Assert.Empty((await (await client.GetAsync("/v1/webhooks")).JsonAsync()).GetProperty("data").EnumerateArray());

        var elsewhere = await client.PostJsonAsync("/v1/webhooks", new { url = $"http://127.0.0.1:{(port == 65535 ? port - 1 : port + 1)}/hook", events = new[] { "*" } });
        ProblemAssert.IsStatus(elsewhere, HttpStatusCode.Created);
        var hook = (await elsewhere.JsonAsync()).Str("id");
        var test = await (await client.PostJsonAsync($"/v1/webhooks/{hook}/test", """{"event_type":"fee.accrued"}""")).JsonAsync();
        var replay = await client.PostJsonAsync($"/v1/webhook_deliveries/{test.Str("id")}/replay", new { url = $"http://localhost:{port}/v1/sandbox/reset" });
        Assert.Equal("url", (await ProblemAssert.IsProblemAsync(replay, "invalid_request")).Str("param"));
    }
}
