using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FloSandbox.Core.Outbox;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Bench.Webhooks;

// Webhook delivery benchmark: the sandbox in-process (file-backed ledger unless --in-memory), a local
// Kestrel receiver that verifies every signature, T tenants with one subscription each. Events are
// appended to the real outbox in a ledger transaction (as a feature would) and the dispatcher is
// signalled; latency runs from just before that append transaction to the signed delivery arriving.
// Then real mints: from the client receiving the mint's response to its signed mint.settled delivery.
//   dotnet run -c Release --project bench/webhooks -- [--events 5000] [--rate 500] [--tenants 4] [--mints 300] [--in-memory]
// With --hanging N it measures isolation instead (see HangingBench).
internal static class WebhookBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        // WebApplicationFactory finds the sandbox's content root through a manifest next to this binary.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        if (args.Contains("--hanging"))
        {
            return await HangingBench.RunAsync(args);
        }
        var dataDir = Path.Combine(Path.GetTempPath(), "flo-webhook-bench-" + Guid.NewGuid().ToString("N"));
        await using var receiver = await BenchReceiver.StartAsync();
        await using var sandbox = new BenchSandbox(new Dictionary<string, string?>
        {
            ["Ledger:InMemory"] = options.InMemory ? "true" : "false",
            ["DataDir"] = dataDir,
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimit:RequestsPerSecond"] = "100000000",
            ["Market:Mode"] = "open",
            ["Guardrails:MintMaxNotionalPerAddressPerBlock"] = "1000000000000",
            ["Guardrails:MintMaxTotalPerBlock"] = "1000000000000",
            ["Guardrails:MintDailyNotionalPerAsset"] = "1000000000000",
        });
        sandbox.StartServer();

        var tenants = new List<(string Key, Tenant Tenant)>();
        for (var i = 0; i < options.Tenants; i++)
        {
            var key = $"sk_test_bench{i}_{Guid.NewGuid():N}";
            var client = sandbox.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            var response = await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { "mint.*" } });
            response.EnsureSuccessStatusCode();
            var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            receiver.Secrets[created.GetProperty("id").GetString()!] = created.GetProperty("secret").GetString()!;
            tenants.Add((key, (await sandbox.Services.GetRequiredService<TenantRegistry>().ResolveAsync(key)).Tenant));
        }

        var db = sandbox.Services.GetRequiredService<LedgerDatabase>();
        var outbox = sandbox.Services.GetRequiredService<OutboxStore>();

        async Task AppendAsync(int n)
        {
            var (_, tenant) = tenants[n % tenants.Count];
            var t0 = Stopwatch.GetTimestamp();
            await db.WriteAsync(ledger => FloEvents.AppendAsync(ledger, tenant.Id, EventTypes.MintSettled,
                new { id = $"mnt_bench{n:D7}", @object = "mint", status = "settled", quantity = "10.000000", bench_t0 = t0 }, tenant.Clock.GetUtcNow()));
            outbox.NotifyAppended();
        }

        async Task WaitForAsync(int expected, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (receiver.Count < expected && deadline.Elapsed < timeout)
            {
                await Task.Delay(5);
            }
        }

        // Warm-up: JIT, connection pools, SQLite page cache.
        for (var n = 0; n < 300; n++)
        {
            await AppendAsync(n);
        }
        await WaitForAsync(300, TimeSpan.FromSeconds(30));
        receiver.TakeLatencies();

        // Latency at a steady rate.
        var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
        using (var timer = new PeriodicTimer(interval))
        {
            for (var n = 0; n < options.Events; n++)
            {
                await AppendAsync(n);
                await timer.WaitForNextTickAsync();
            }
        }
        await WaitForAsync(options.Events, TimeSpan.FromSeconds(60));
        var steady = receiver.TakeLatencies();

        // Throughput: append everything at once, time until the last signed delivery arrives.
        var burst = Stopwatch.StartNew();
        for (var n = 0; n < options.Events; n++)
        {
            await AppendAsync(n);
        }
        var appendedIn = burst.Elapsed;
        await WaitForAsync(options.Events, TimeSpan.FromSeconds(120));
        var drainedIn = burst.Elapsed;
        var burstLatencies = receiver.TakeLatencies();

        // Real mints: from the moment the client has the mint's response to its signed mint.settled delivery.
        var minter = sandbox.CreateClient();
        minter.DefaultRequestHeaders.Authorization = new("Bearer", tenants[0].Key);
        var mintBody = new { asset = "AAPL", quantity = 1, settlement = new { currency = "USDC", chain = "base" } };
        var responded = new Dictionary<string, long>();
        for (var n = 0; n < options.Mints + 50; n++)
        {
            var response = await minter.PostAsJsonAsync("/v1/mint", mintBody);
            response.EnsureSuccessStatusCode();
            var at = Stopwatch.GetTimestamp();
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            if (n >= 50)
            {
                responded[id] = at; // the first 50 warm the mint path up
            }
        }
        var mintDeadline = Stopwatch.StartNew();
        while (responded.Keys.Any(id => !receiver.SettledArrivals.ContainsKey(id)) && mintDeadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(5);
        }
        // A delivery can beat the client to its own response (the event is written before the response is sent): that counts as 0.
        var mintLatencies = responded.Where(r => receiver.SettledArrivals.ContainsKey(r.Key))
            .Select(r => Math.Max(0, Stopwatch.GetElapsedTime(r.Value, receiver.SettledArrivals[r.Key]).TotalMilliseconds)).ToList();

        Console.WriteLine($"FloSandbox webhook benchmark: {Environment.ProcessorCount} cores, {(options.InMemory ? "in-memory" : "file (WAL)")} ledger, " +
            $"{options.Tenants} tenants x 1 subscription, receiver and sandbox on one machine");
        Console.WriteLine("latency = outbox append transaction start -> signed delivery arrives and verifies at the receiver");
        Report($"steady {options.Rate}/s", steady, options.Events);
        Report("burst", burstLatencies, options.Events);
        Console.WriteLine("mint latency = POST /v1/mint response received -> its signed mint.settled delivery arrives (sequential mints)");
        Report("mint", mintLatencies, options.Mints);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"burst throughput: {options.Events} events appended in {appendedIn.TotalMilliseconds:0} ms, all delivered in {drainedIn.TotalMilliseconds:0} ms = {burstLatencies.Count / drainedIn.TotalSeconds:0} deliveries/s"));
        Console.WriteLine($"signature failures at the receiver: {receiver.Unverified}");
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        return receiver.Unverified == 0 && steady.Count == options.Events && burstLatencies.Count == options.Events
            && mintLatencies.Count == options.Mints ? 0 : 1;
    }

    private static void Report(string name, List<double> latencies, int expected)
    {
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-14} delivered {latencies.Count}/{expected}   p50 {P(0.50):0.00} ms   p90 {P(0.90):0.00} ms   p99 {P(0.99):0.00} ms   max {P(1):0.00} ms"));
    }
}

internal sealed record BenchOptions(int Events, int Rate, int Tenants, bool InMemory, int Mints)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            int.Parse(Value("--events") ?? "5000", CultureInfo.InvariantCulture),
            int.Parse(Value("--rate") ?? "500", CultureInfo.InvariantCulture),
            int.Parse(Value("--tenants") ?? "4", CultureInfo.InvariantCulture),
            args.Contains("--in-memory"),
            int.Parse(Value("--mints") ?? "300", CultureInfo.InvariantCulture));
    }
}

internal sealed class BenchSandbox(IDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
}
