using System.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace FloSandbox.Flo.Rpc;

/// Shapes what YARP sends to a node and brings back. The node gets the JSON body at its own URL and none
/// of the caller's headers: it needs none, and a key or cookie must not reach an external RPC provider
/// (`Devchain:RpcUrls`). Only the body's type and length come back; the sandbox adds its own headers.
/// When the request carries an <see cref="RpcCapture"/>, the node's answer is kept there instead of written.
public sealed class RpcTransformer : HttpTransformer
{
    public static readonly RpcTransformer Instance = new();

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private RpcTransformer()
    {
    }

    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix,
        CancellationToken cancellationToken)
    {
        proxyRequest.RequestUri = new Uri(destinationPrefix, UriKind.Absolute);
        if (proxyRequest.Content is { } content)
        {
            content.Headers.ContentType = Json;
            content.Headers.ContentLength = httpContext.Request.ContentLength;
        }
        return default;
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        if (proxyResponse is null || !proxyResponse.IsSuccessStatusCode)
        {
            return false;
        }
        if (httpContext.Features.Get<RpcCapture>() is { } capture)
        {
            capture.Answer = await proxyResponse.Content.ReadAsByteArrayAsync(cancellationToken);
            return false;
        }

        httpContext.Response.ContentType = proxyResponse.Content.Headers.ContentType?.ToString();
        httpContext.Response.ContentLength = proxyResponse.Content.Headers.ContentLength;
        return true;
    }
}

/// Where <see cref="RpcTransformer"/> keeps a node's answer that the endpoint rewrites before sending.
public sealed class RpcCapture
{
    public byte[]? Answer { get; set; }
}
