using System.Net.Http.Headers;


namespace FloSandbox.Devchain.Bench;

/// <summary>
/// The raw Anvil baseline: pre-built JSON-RPC bodies posted over one keep-alive HttpClient, no client
/// library at all, so the baseline measures the node and not our layer over it.
/// </summary>
public sealed class RawRpc(Uri endpoint) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, UseCookies = false });

    /// <summary>Posts <paramref name="body"/> and fails unless the reply holds <paramref name="expected"/>; returns the reply.</summary>
    public async Task<string> PostAsync(string body, string expected = "\"status\":\"0x1\"")
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(endpoint, content);
        var reply = await response.Content.ReadAsStringAsync();
        return reply.Contains(expected, StringComparison.Ordinal) ? reply : throw new InvalidOperationException($"unexpected reply: {reply}");
    }

    /// <summary>A JSON-RPC request for one transaction object, e.g. <c>eth_sendTransactionSync</c>.</summary>
    public static string Request(string method, string from, string to, string? data = null, string? value = null, string gas = "0x30d40") =>
        $$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":[{"from":"{{from}}","to":"{{to}}","gas":"{{gas}}"{{(data is null ? "" : $",\"data\":\"{data}\"")}}{{(value is null ? "" : $",\"value\":\"{value}\"")}}}]}""";

    public void Dispose() => _http.Dispose();
}
