using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FloSandbox.Devchain.Rpc;

/// <summary>
/// A lean Ethereum JSON-RPC client over one pooled keep-alive <see cref="HttpClient"/>. Errors from
/// the node surface as <see cref="JsonRpcException"/>; an unreachable or dead node as
/// <see cref="DevchainUnavailableException"/>. Thread-safe; create one per endpoint and reuse it.
/// </summary>
public sealed partial class JsonRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _nextId;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <param name="endpoint">The node's HTTP JSON-RPC URL.</param>
    /// <param name="requestTimeout">Upper bound for one request; default 30 s.</param>
    public JsonRpcClient(Uri endpoint, TimeSpan? requestTimeout = null)
        : this(endpoint, CreateHttpClient(requestTimeout ?? TimeSpan.FromSeconds(30)), ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/> (not disposed by this client).</summary>
    public JsonRpcClient(Uri endpoint, HttpClient httpClient)
        : this(endpoint, httpClient, ownsHttpClient: false)
    {
    }

    private JsonRpcClient(Uri endpoint, HttpClient httpClient, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(httpClient);
        Endpoint = endpoint;
        _http = httpClient;
        _ownsHttp = ownsHttpClient;
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Calls <paramref name="method"/> and returns its <c>result</c> (cloned, safe to keep).</summary>
    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, static result => result.Clone(), cancellationToken);

    /// <summary>Calls <paramref name="method"/> and deserializes its <c>result</c> with System.Text.Json.</summary>
    public Task<T?> CallAsync<T>(string method, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, static result => result.Deserialize<T>(), cancellationToken);

    /// <summary>Sends several requests in one HTTP round trip. Results come back in request order; each holds a result or an error.</summary>
    public async Task<IReadOnlyList<JsonRpcResult>> BatchAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        var firstId = Interlocked.Add(ref _nextId, requests.Count) - requests.Count + 1;
        var body = new ArrayBufferWriter<byte>(256 * requests.Count);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                RpcJson.WriteRequest(writer, firstId + i, requests[i].Method, requests[i].Params);
            }

            writer.WriteEndArray();
        }

        var response = await PostAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
        using var document = ParseDocument(response);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw JsonRpcErrors.FromReply("batch", document.RootElement);
        }

        var results = new JsonRpcResult[requests.Count];
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var index = item.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value - firstId : -1;
            if (index < 0 || index >= requests.Count)
            {
                continue;
            }

            var method = requests[(int)index].Method;
            results[index] = item.TryGetProperty("error", out _)
                ? new JsonRpcResult(null, JsonRpcErrors.FromReply(method, item))
                : new JsonRpcResult(item.GetProperty("result").Clone(), null);
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= new JsonRpcResult(null, new JsonRpcException(requests[i].Method, -32603, "no response in batch", null, null, null));
        }

        return results;
    }

    /// <summary>Forwards a raw JSON-RPC body (single or batch) and returns the node's raw reply, for pass-through proxies.</summary>
    public async Task<byte[]> SendRawAsync(ReadOnlyMemory<byte> requestBody, CancellationToken cancellationToken = default) =>
        await PostAsync(requestBody, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal async Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            RpcJson.WriteRequest(writer, Interlocked.Increment(ref _nextId), method, parameters);
        }

        var response = await PostAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
        using var document = ParseDocument(response);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("error", out _) || !root.TryGetProperty("result", out var result))
        {
            throw JsonRpcErrors.FromReply(method, root);
        }

        try
        {
            return parse(result);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException or JsonException)
        {
            throw new DevchainUnavailableException(Endpoint, $"unexpected {method} result: {Truncate(result.GetRawText())}", ex);
        }
    }

    private async Task<byte[]> PostAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = JsonContentType;
        try
        {
            using var response = await _http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && (bytes.Length == 0 || bytes[0] is not ((byte)'{' or (byte)'[')))
            {
                throw new DevchainUnavailableException(Endpoint, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return bytes;
        }
        catch (HttpRequestException ex)
        {
            throw new DevchainUnavailableException(Endpoint, ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DevchainUnavailableException(Endpoint, $"no answer within {_http.Timeout.TotalSeconds:0.#} s", ex);
        }
    }

    private JsonDocument ParseDocument(byte[] response)
    {
        try
        {
            return JsonDocument.Parse(response);
        }
        catch (JsonException ex)
        {
            throw new DevchainUnavailableException(Endpoint, $"reply is not JSON: {Truncate(System.Text.Encoding.UTF8.GetString(response))}", ex);
        }
    }

    private static HttpClient CreateHttpClient(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = timeout,
    };

    internal static string Truncate(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");
}
