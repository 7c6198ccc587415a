using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FloSandbox.Tests.Infrastructure;

public static class HttpExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json,
        params (string Name, string Value)[] headers) => client.SendJsonAsync(HttpMethod.Post, path, json, headers);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body,
        params (string Name, string Value)[] headers) => client.SendJsonAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body), headers);

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : throw new Xunit.Sdk.XunitException($"Response has no {name} header.");

    public static bool HasHeader(this HttpResponseMessage response, string name) =>
        response.Headers.Contains(name) || response.Content.Headers.Contains(name);

    public static string Str(this JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new Xunit.Sdk.XunitException($"{name} is null");

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
