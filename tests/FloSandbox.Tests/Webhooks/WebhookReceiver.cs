using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FloSandbox.Tests.Webhooks;

/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port) that checks every delivery the way the docs'
/// `verify` does and answers 401 when it fails; otherwise it answers what <see cref="Respond"/> says.
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const int SkewSeconds = 300;

    public sealed record Delivery(int Call, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Verified, int AnsweredStatus)
    {
        public string Text => Encoding.UTF8.GetString(Body);
        public string this[string header] => Headers[header];
    }

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _received = new();
    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
    private int _calls;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// The signing secret the receiver verifies with; set it from the subscription's create response.
    public string Secret { get; set; } = "";

    /// Decides the answer to a verified call (1-based call number); 200 unless set.
    public Func<int, HttpContext, Task<int>> Respond { get; set; } = (_, _) => Task.FromResult(200);

    /// The body of every answer; "ok" for a 2xx and "nope" otherwise unless set.
    public string? AnswerBody { get; set; }

    /// Calls that reached the handler, verified or not, in arrival order (hanging calls are recorded when they arrive).
    public IReadOnlyList<Delivery> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(string path = "/flo-webhook")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost(path, receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + path;
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var verified = Verify(body, Secret, headers.GetValueOrDefault("X-Flo-Signature", ""),
            headers.GetValueOrDefault("X-Flo-Signature-Timestamp", ""), DateTimeOffset.UtcNow);
        var status = 401;
        if (verified)
        {
            // Recorded before a slow or hanging answer, so tests can see the call arrive.
            _received.Enqueue(new Delivery(call, headers, body, true, 0));
            _arrived.Release();
            try
            {
                status = await Respond(call, context);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        else
        {
            _received.Enqueue(new Delivery(call, headers, body, false, 401));
            _arrived.Release();
        }
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(AnswerBody ?? (status is >= 200 and < 300 ? "ok" : "nope"));
    }

    /// The docs' Python `verify`, line for line: reject stale timestamps, then compare the HMAC-SHA256 of
    /// "{timestamp}." + body (key: the secret's UTF-8 bytes) in constant time.
    public static bool Verify(byte[] body, string secret, string signature, string timestamp, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var ts) || Math.Abs(now.ToUnixTimeSeconds() - ts) > SkewSeconds)
        {
            return false;
        }
        var signedPayload = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signedPayload));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
    }

    /// Waits until at least <paramref name="count"/> calls arrived; fails after <paramref name="timeout"/>.
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new Xunit.Sdk.XunitException($"Expected {count} deliveries at {Url}, got {_received.Count} within the deadline.");
            }
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync();
    }
}
