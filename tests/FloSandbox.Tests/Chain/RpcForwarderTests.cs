using System.Net;
using System.Net.Sockets;
using System.Text;
using FloSandbox.Devchain;
using FloSandbox.Flo.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace FloSandbox.Tests.Chain;

/// The forwarder behind `/rpc` against endpoints that are not a healthy node: each failure is a
/// DevchainUnavailableException (503 `service_unavailable` to the caller), never anything else.
public sealed class RpcForwarderTests : IDisposable
{
    private const string Request = """{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""";
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddHttpForwarder().BuildServiceProvider();
    private readonly RpcForwarder _forwarder;

    public RpcForwarderTests() =>
        _forwarder = new RpcForwarder(_services.GetRequiredService<IHttpForwarder>(),
            Options.Create(new DevchainOptions { RequestTimeout = TimeSpan.FromSeconds(10) }), NullLogger<RpcForwarder>.Instance);

    [Fact]
    public async Task A_Node_That_Refuses_Connections_Is_Unavailable()
    {
        var node = ClosedPort();
        var context = Post(Request);

        var error = await Assert.ThrowsAsync<DevchainUnavailableException>(() => _forwarder.ForwardAsync(context, node));

        Assert.Equal(node, error.Endpoint);
        Assert.Contains("could not be reached", error.Message);
        Assert.False(context.Response.HasStarted);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_Rewritten_Exchange_With_A_Node_That_Refuses_Connections_Is_Unavailable()
    {
        var node = ClosedPort();
        await Assert.ThrowsAsync<DevchainUnavailableException>(() => _forwarder.ExchangeAsync(Post(Request), node, Encoding.UTF8.GetBytes($"[{Request}]")));
    }

    [Fact]
    public async Task The_Node_Gets_The_Body_As_Json_At_Its_Own_Url_And_None_Of_The_Callers_Headers()
    {
        using var node = OneShotNode.Answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        var context = Post(Request);
        context.Request.Path = "/rpc/base";
        context.Request.Headers.Authorization = "Bearer sk_test_secret";
        context.Request.Headers.Cookie = "session=secret";
        context.Request.Headers["X-Flo-Clock"] = "+1d";

        await _forwarder.ForwardAsync(context, node.Url);

        var received = await node.Received;
        Assert.StartsWith("POST / HTTP/1.1\r\n", received);
        Assert.Contains("Content-Type: application/json", received, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(Request, received);
        Assert.DoesNotContain("secret", received);
        Assert.DoesNotContain("X-Flo-Clock", received, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("{}", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task A_Node_Answering_An_Http_Error_Is_Unavailable()
    {
        using var node = OneShotNode.Answering("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\noops");
        var context = Post(Request);

        var error = await Assert.ThrowsAsync<DevchainUnavailableException>(() => _forwarder.ForwardAsync(context, node.Url));

        Assert.Contains("HTTP 502", error.Message);
        Assert.Equal(0, context.Response.Body.Length);
    }

    [Fact]
    public async Task A_Node_Answering_Something_Other_Than_Json_Is_Unavailable_When_The_Answer_Is_Rewritten()
    {
        using var node = OneShotNode.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\nConnection: close\r\n\r\n<html>");

        var error = await Assert.ThrowsAsync<DevchainUnavailableException>(() =>
            _forwarder.ExchangeAsync(Post(Request), node.Url, Encoding.UTF8.GetBytes($"[{Request}]")));

        Assert.Contains("not JSON", error.Message);
    }

    private static DefaultHttpContext Post(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public void Dispose()
    {
        _forwarder.Dispose();
        _services.Dispose();
    }

    /// A loopback socket that answers one HTTP request with fixed bytes: a node gone wrong.
    private sealed class OneShotNode : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<string> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private OneShotNode(string response)
        {
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _ = ServeAsync(Encoding.ASCII.GetBytes(response));
        }

        public Uri Url { get; }

        /// The request the node received, as text.
        public Task<string> Received => _received.Task;

        public static OneShotNode Answering(string response) => new(response);

        private async Task ServeAsync(byte[] response)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var received = new List<byte>();
            while (!IsComplete(received))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }
                received.AddRange(buffer.AsSpan(0, read));
            }
            _received.SetResult(Encoding.UTF8.GetString([.. received]));
            await stream.WriteAsync(response);
            await stream.FlushAsync();
        }

        private static bool IsComplete(List<byte> received)
        {
            var text = Encoding.ASCII.GetString([.. received]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }
            var length = text[..end].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            return received.Count - end - 4 >= (length is null ? 0 : int.Parse(length["Content-Length:".Length..].Trim()));
        }

        public void Dispose() => _listener.Stop();
    }
}
