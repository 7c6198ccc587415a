using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;

namespace FloSandbox.Devchain.Rpc;

/// <summary>
/// Nethereum's JSON-RPC client for one devchain node over its own pooled keep-alive connections. Every
/// failure surfaces as a <see cref="DevchainException"/> (see <see cref="DevchainErrorInterceptor"/>):
/// an error reply as <see cref="JsonRpcException"/>, an unreachable or silent node as
/// <see cref="DevchainUnavailableException"/>. Thread-safe; create one per endpoint and reuse it.
/// </summary>
public sealed class DevchainRpcClient : RpcClient, IDisposable
{
    private readonly HttpClient _http;

    static DevchainRpcClient()
    {
        // Nethereum bounds every request by this process-wide timeout as well as by HttpClient.Timeout; each
        // client here carries its own bound instead (Devchain:RequestTimeout, or the liveness probe's 2 s).
        ClientBase.ConnectionTimeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Creates a client; each request is bounded by <paramref name="requestTimeout"/> (default 30 s).</summary>
    public DevchainRpcClient(Uri endpoint, TimeSpan? requestTimeout = null)
        : this(endpoint, CreateHttpClient(endpoint, requestTimeout ?? TimeSpan.FromSeconds(30)))
    {
    }

    private DevchainRpcClient(Uri endpoint, HttpClient http)
        : base(endpoint, http)
    {
        _http = http;
        Endpoint = endpoint;
        OverridingRequestInterceptor = new DevchainErrorInterceptor(endpoint, http.Timeout);
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri Endpoint { get; }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        (ulong)(await SendRequestAsync<HexBigInteger>("eth_chainId").WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static HttpClient CreateHttpClient(Uri endpoint, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        })
        {
            BaseAddress = endpoint,
            Timeout = timeout,
        };
    }
}
