using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// The document as a client fetches it from the shared in-process sandbox.
internal static class OpenApiDocumentSource
{
    public const string Path = "/openapi/v1.json";

    public static async Task<string> FetchAsync(string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        var response = await SandboxFactory.Shared.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
