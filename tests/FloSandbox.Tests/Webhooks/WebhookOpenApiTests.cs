using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookOpenApiTests
{
    [Theory]
    [InlineData("/v1/webhooks", "post", "201")]
    [InlineData("/v1/webhooks", "get", "200")]
    [InlineData("/v1/webhooks/{id}", "get", "200")]
    [InlineData("/v1/webhooks/{id}", "delete", "200")]
    [InlineData("/v1/webhooks/{id}/deliveries", "get", "200")]
    [InlineData("/v1/webhooks/{id}/replay", "post", "202")]
    [InlineData("/v1/webhooks/{id}/test", "post", "202")]
    [InlineData("/v1/webhook_deliveries/{id}", "get", "200")]
    [InlineData("/v1/webhook_deliveries/{id}/replay", "post", "200")]
    public async Task Every_Webhook_Route_Is_Documented_With_Its_Problems(string path, string method, string success)
    {
        var doc = await (await SandboxFactory.Shared.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var responses = doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.TryGetProperty(success, out _), $"{method} {path} lacks {success}");
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(responses.TryGetProperty("401", out _));
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            Assert.True(responses.TryGetProperty("404", out _), $"{method} {path} lacks 404");
        }
    }
}
