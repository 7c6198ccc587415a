using System.Net;
using System.Text.Json;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Tests.Infrastructure;

/// Asserts the whole Problem-JSON contract of an error response.
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, string code, string? instance = null, bool? retryable = null)
    {
        Assert.True(FloErrorCatalog.TryGet(code, out var definition), $"'{code}' is not in the catalog");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == definition.Status, $"Expected {definition.Status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal($"https://docs.flo.finance/errors/{code}", body.Str("type"));
        Assert.Equal(definition.Title, body.Str("title"));
        Assert.Equal(definition.Status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.Str("detail")));
        Assert.Equal(instance ?? response.RequestMessage!.RequestUri!.AbsolutePath, body.Str("instance"));
        Assert.StartsWith("req_", body.Str("request_id"));
        Assert.Equal(response.Header("X-Request-Id"), body.Str("request_id"));
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(retryable ?? definition.Retryable, body.GetProperty("retryable").GetBoolean());
        foreach (var field in definition.ExtensionFields)
        {
            Assert.True(body.TryGetProperty(field, out _), $"{code} lacks extension field '{field}': {text}");
        }
        AssertRateLimitHeaders(response);
        return body;
    }

    public static void AssertRateLimitHeaders(HttpResponseMessage response)
    {
        Assert.True(int.Parse(response.Header("X-RateLimit-Limit")) > 0);
        Assert.True(int.Parse(response.Header("X-RateLimit-Remaining")) >= 0);
        Assert.True(long.Parse(response.Header("X-RateLimit-Reset")) > 1_700_000_000);
    }

    public static void IsStatus(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
}
