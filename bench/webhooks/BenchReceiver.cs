using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FloSandbox.Bench.Webhooks;

/// A local Kestrel receiver that verifies each delivery as the docs' `verify` does and records the
/// latency from the `bench_t0` stopwatch stamp the bench put in the event's data.
public sealed class BenchReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<double> _latenciesMs = [];
    private int _unverified;

    private BenchReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// When the signed `mint.settled` delivery of each real mint (by mint id) arrived, as a Stopwatch timestamp.
    public System.Collections.Concurrent.ConcurrentDictionary<string, long> SettledArrivals { get; } = new(StringComparer.Ordinal);
    public int Unverified => Volatile.Read(ref _unverified);

    public int Count
    {
        get
        {
            lock (_latenciesMs)
            {
                return _latenciesMs.Count;
            }
        }
    }

    public static async Task<BenchReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new BenchReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var arrived = Stopwatch.GetTimestamp();
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var secret = Secrets.GetValueOrDefault(headers["X-Flo-Webhook-Id"].ToString(), "");
        if (!Verify(body, secret, headers["X-Flo-Signature"].ToString(), headers["X-Flo-Signature-Timestamp"].ToString()))
        {
            Interlocked.Increment(ref _unverified);
            context.Response.StatusCode = 401;
            return;
        }
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.GetProperty("type").GetString() == "mint.settled"
            && doc.RootElement.GetProperty("data").TryGetProperty("tx_hash", out _))
        {
            SettledArrivals[doc.RootElement.GetProperty("data").GetProperty("id").GetString()!] = arrived;
        }
        if (doc.RootElement.GetProperty("data").TryGetProperty("bench_t0", out var t0))
        {
            var ms = Stopwatch.GetElapsedTime(t0.GetInt64(), arrived).TotalMilliseconds;
            lock (_latenciesMs)
            {
                _latenciesMs.Add(ms);
            }
        }
        context.Response.StatusCode = 204;
    }

    private static bool Verify(byte[] body, string secret, string signature, string timestamp)
    {
        if (!long.TryParse(timestamp, out var ts) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) > 300)
        {
            return false;
        }
        var payload = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public List<double> TakeLatencies()
    {
        lock (_latenciesMs)
        {
            var copy = _latenciesMs.ToList();
            _latenciesMs.Clear();
            return copy;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
