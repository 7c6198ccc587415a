using System.Net;
using System.Text.Json;
using FloSandbox.Devchain;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace FloSandbox.Flo.Rpc;

/// Sends `/rpc` bodies to a node with YARP's forwarder over one connection pool, bounded by
/// `Devchain:RequestTimeout`. Whatever keeps the node from answering (connection refused, timeout, an HTTP
/// error status) is a <see cref="DevchainUnavailableException"/>, so the caller gets the same 503
/// `service_unavailable` as for a node that has exited.
public sealed partial class RpcForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly ILogger<RpcForwarder> _logger;
    private readonly HttpMessageInvoker _invoker;
    private readonly ForwarderRequestConfig _config;

    public RpcForwarder(IHttpForwarder forwarder, IOptions<DevchainOptions> options, ILogger<RpcForwarder> logger)
    {
        _forwarder = forwarder;
        _logger = logger;
        var timeout = options.Value.RequestTimeout;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = timeout,
            ActivityHeadersPropagator = null,
        });
        _config = new ForwarderRequestConfig
        {
            ActivityTimeout = timeout,
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }

    /// Streams the caller's body to the node and the node's answer back, both untouched.
    public async Task ForwardAsync(HttpContext context, Uri node)
    {
        var error = await _forwarder.SendAsync(context, node.AbsoluteUri, _invoker, _config, RpcTransformer.Instance);
        EnsureAnswered(context, node, error);
    }

    /// Sends <paramref name="body"/> in place of the caller's and returns the node's answer unwritten:
    /// null when the node answered nothing (a batch of notifications).
    public async Task<JsonDocument?> ExchangeAsync(HttpContext context, Uri node, byte[] body)
    {
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        var capture = new RpcCapture();
        context.Features.Set(capture);
        try
        {
            var error = await _forwarder.SendAsync(context, node.AbsoluteUri, _invoker, _config, RpcTransformer.Instance);
            EnsureAnswered(context, node, error);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return capture.Answer is { Length: > 0 } answer ? ParseAnswer(node, answer) : null;
        }
        finally
        {
            context.Features.Set<RpcCapture>(null);
        }
    }

    public void Dispose() => _invoker.Dispose();

    private static JsonDocument ParseAnswer(Uri node, byte[] answer)
    {
        try
        {
            return JsonDocument.Parse(answer);
        }
        catch (JsonException ex)
        {
            throw new DevchainUnavailableException(node, "its answer is not JSON.", ex);
        }
    }

    private void EnsureAnswered(HttpContext context, Uri node, ForwarderError error)
    {
        var status = context.Response.StatusCode;
        if (error == ForwarderError.None && status is >= 200 and < 300)
        {
            return;
        }
        if (context.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException(context.RequestAborted);
        }

        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        var reason = error == ForwarderError.None ? $"it answered HTTP {status}." : $"{Describe(error)} ({exception?.GetBaseException().Message ?? error.ToString()}).";
        LogUnanswered(_logger, node, reason);
        if (context.Response.HasStarted)
        {
            // The answer was streaming when the node failed: the caller can only see a cut connection.
            context.Abort();
            return;
        }
        context.Response.Clear();
        throw new DevchainUnavailableException(node, reason, exception);
    }

    private static string Describe(ForwarderError error) => error switch
    {
        ForwarderError.RequestTimedOut => "it did not answer in time",
        ForwarderError.Request or ForwarderError.RequestCreation => "it could not be reached",
        _ => "the exchange with it failed",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding /rpc to {Node} failed: {Reason}")]
    private static partial void LogUnanswered(ILogger logger, Uri node, string reason);
}
