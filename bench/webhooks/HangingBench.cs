using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FloSandbox.Core.Outbox;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FloSandbox.Bench.Webhooks;

// Delivery latency for a healthy tenant while another tenant's receivers hang: the noisy tenant has
// --hanging subscriptions (default 40) to a receiver that never answers, and keeps adding events so its
// lanes are never empty; the healthy tenant's events are appended at --rate for --seconds, and each one's
// latency runs from the append transaction to its signed delivery arriving. Attempts time out after the
// real Webhooks:AttemptTimeout (10 s), so a run spans several timeout cycles of the hanging attempts.
//   dotnet run -c Release --project bench/webhooks -- --hanging 40 [--rate 20] [--seconds 30] [--per-tenant N]
internal static class HangingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var hangingCount = int.Parse(Value("--hanging") ?? "40", CultureInfo.InvariantCulture);
        var rate = int.Parse(Value("--rate") ?? "20", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture);
        var perTenant = Value("--per-tenant");

        var dataDir = Path.Combine(Path.GetTempPath(), "flo-webhook-hanging-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await RunAsync(dataDir, hangingCount, rate, seconds, perTenant);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<int> RunAsync(string dataDir, int hangingCount, int rate, int seconds, string? perTenant)
    {
        await using var receiver = await BenchReceiver.StartAsync();
        await using var hanging = await HangingReceiver.StartAsync();
        await using var sandbox = new BenchSandbox(new Dictionary<string, string?>
        {
            ["Ledger:InMemory"] = "false",
            ["DataDir"] = dataDir,
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimit:RequestsPerSecond"] = "100000000",
            ["Market:Mode"] = "open",
            ["Webhooks:MaxWorkersPerTenant"] = perTenant,
        });
        sandbox.StartServer();
        var db = sandbox.Services.GetRequiredService<LedgerDatabase>();
        var outbox = sandbox.Services.GetRequiredService<OutboxStore>();

        async Task<Tenant> TenantAsync(string key, string url, int subscriptions)
        {
            var client = sandbox.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            for (var i = 0; i < subscriptions; i++)
            {
                var response = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { "mint.*" } });
                response.EnsureSuccessStatusCode();
                var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                receiver.Secrets[created.GetProperty("id").GetString()!] = created.GetProperty("secret").GetString()!;
            }
            return (await sandbox.Services.GetRequiredService<TenantRegistry>().ResolveAsync(key)).Tenant;
        }

        async Task AppendAsync(Tenant tenant, string id)
        {
            var t0 = Stopwatch.GetTimestamp();
            await db.WriteAsync(ledger => FloEvents.AppendAsync(ledger, tenant.Id, EventTypes.MintSettled,
                new { id, @object = "mint", status = "settled", bench_t0 = t0 }, tenant.Clock.GetUtcNow()));
            outbox.NotifyAppended();
        }

        var noisy = await TenantAsync($"sk_test_noisy_{Guid.NewGuid():N}", hanging.Url, hangingCount);
        var healthy = await TenantAsync($"sk_test_healthy_{Guid.NewGuid():N}", receiver.Url, 1);
        for (var n = 0; n < 50; n++)
        {
            await AppendAsync(healthy, $"mnt_warm{n}");
        }
        while (receiver.Count < 50)
        {
            await Task.Delay(5);
        }
        receiver.TakeLatencies();

        await AppendAsync(noisy, "mnt_noisy0");
        while (hanging.Arrived == 0)
        {
            await Task.Delay(5);
        }
        var total = rate * seconds;
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate)))
        {
            for (var n = 0; n < total; n++)
            {
                if (n % rate == 0)
                {
                    await AppendAsync(noisy, $"mnt_noisy{n + 1}"); // one more event a second for every hanging subscription
                }
                await AppendAsync(healthy, $"mnt_healthy{n}");
                await timer.WaitForNextTickAsync();
            }
        }
        var deadline = Stopwatch.StartNew();
        while (receiver.Count < total && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(5);
        }
        var latencies = receiver.TakeLatencies();
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"FloSandbox webhook isolation benchmark: {Environment.ProcessorCount} cores, file (WAL) ledger, " +
            $"Webhooks:MaxWorkersPerTenant={perTenant ?? "default (Workers/4)"}");
        Console.WriteLine($"noisy tenant: {hangingCount} subscriptions to a receiver that never answers (10 s attempt timeout), one new event a second");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"healthy tenant, {rate}/s for {seconds} s: delivered {latencies.Count}/{total}   p50 {P(0.50):0.00} ms   p90 {P(0.90):0.00} ms   p99 {P(0.99):0.00} ms   max {P(1):0.00} ms"));
        Console.WriteLine($"hanging attempts that reached the noisy receiver: {hanging.Arrived}; signature failures: {receiver.Unverified}");
        return latencies.Count == total && receiver.Unverified == 0 ? 0 : 1;
    }

    /// Accepts every POST and never answers (until the bench stops it).
    private sealed class HangingReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _arrived;

        private HangingReceiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";
        public int Arrived => Volatile.Read(ref _arrived);

        public static async Task<HangingReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new HangingReceiver(app);
            app.MapPost("/hang", async (HttpContext context) =>
            {
                Interlocked.Increment(ref receiver._arrived);
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hang";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
        }
    }
}
