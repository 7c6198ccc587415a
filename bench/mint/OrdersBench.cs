using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Bench;

namespace FloSandbox.Mint.Bench;

/// Redeem and bridge over real HTTP against the Release sandbox: a redeem accepted → settled (inline, on chain:
/// burn, fill, payout), sequential and sustained next to raw Anvil measured in the same run, and a bridge
/// queued → delivered in wall time with the tenant clock moved past its DVN quorum and destination mint.
//   dotnet run -c Release --project bench/mint -- --orders [--ops 1000 --workers 8 --bridges 100]
internal static class OrdersBench
{
    public static async Task<int> RunAsync(string repoRoot, int operations, int workers, int bridges)
    {
        Console.WriteLine($"FloSandbox redeem and bridge bench ({Environment.ProcessorCount} cores, {operations} redeems per scenario, "
            + $"{workers} concurrent clients, {bridges} bridges)");
        Console.WriteLine();
        Console.WriteLine("Baseline: raw Anvil, one chain, fresh state");
        ThroughputResult raw;
        await using (var cluster = await DevchainCluster.StartAsync(new DevchainOptions()))
        {
            await DevchainBenchmarks.RawOperatorMintsAsync(cluster["base"], 200);
        }
        await using (var cluster = await DevchainCluster.StartAsync(new DevchainOptions()))
        {
            raw = await DevchainBenchmarks.RawOperatorMintsAsync(cluster["base"], operations);
        }

        var environment = new Dictionary<string, string>
        {
            ["RateLimit__RequestsPerSecond"] = "100000000",
            ["Market__Mode"] = "open",
            ["Guardrails__MintMaxNotionalPerAddressPerBlock"] = "1000000000000",
            ["Guardrails__MintMaxTotalPerBlock"] = "1000000000000",
            ["Guardrails__MintDailyNotionalPerAsset"] = "1000000000000",
            ["Guardrails__RedeemMaxPerBlock"] = "1000000000000",
            ["Guardrails__BridgeMaxAmountPerTx"] = "1000000000000",
            ["Guardrails__BridgeMaxTotalPerBlock"] = "1000000000000",
        };
        await using var sandbox = await SandboxProcess.StartAsync(repoRoot, environment);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "sk_test_ordersbench" + Guid.NewGuid().ToString("N")[..12]);
        (await http.PostAsJsonAsync("/v1/sandbox/faucet", new { currency = "USDC", amount = 100_000_000 })).EnsureSuccessStatusCode();
        var warmup = Math.Max(500, operations / 2);
        var shares = warmup + (2 * operations) + bridges;
        var mint = await PostAsync(http, "/v1/mint", new { asset = "AAPL", quantity = shares, settlement = new { currency = "USDC", chain = "base" } }, "settled");
        var redeem = new { position_id = mint.GetProperty("id").GetString(), quantity = 1, payout = new { currency = "USDC", chain = "base" } };

        Console.WriteLine();
        Console.WriteLine("Sandbox: POST /v1/redeem (1 AAPL, USDC on base), burned, filled and paid out inline on chain");
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= warmup)
            {
                await PostAsync(http, "/v1/redeem", redeem, "settled");
            }
        }));
        var latencies = new List<double>(operations);
        for (var i = 0; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await PostAsync(http, "/v1/redeem", redeem, "settled");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"  accepted → settled, sequential: {Summary(latencies)}");

        next = 0;
        var cpuBefore = sandbox.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= operations)
            {
                await PostAsync(http, "/v1/redeem", redeem, "settled");
            }
        }));
        var sustained = operations / clock.Elapsed.TotalSeconds;
        var cpuAfter = sandbox.CpuSeconds();
        Console.WriteLine($"  sustained, {workers} clients: {sustained:0} redeems/s; CPU per redeem: sandbox "
            + $"{(cpuAfter.Sandbox - cpuBefore.Sandbox) * 1000 / operations:0.00} ms, anvil {(cpuAfter.Anvil - cpuBefore.Anvil) * 1000 / operations:0.00} ms");
        Console.WriteLine($"  sustained redeems/s vs raw Anvil token mint x1 ({raw.PerSecond:0}/s): {sustained / raw.PerSecond:P0} (target >= 50%)");

        Console.WriteLine();
        Console.WriteLine("Sandbox: POST /v1/bridge (1 AAPL, base → arbitrum), then one GET with X-Flo-Clock: +2m");
        var bridge = new { token = "AAPL", quantity = 1, from_chain = "base", to_chain = "arbitrum" };
        var delivered = new List<double>(bridges);
        for (var i = 0; i < bridges; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var queued = await PostAsync(http, "/v1/bridge", bridge, "queued");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/bridges/{queued.GetProperty("id").GetString()}");
            request.Headers.Add("X-Flo-Clock", "+2m");
            using var response = await http.SendAsync(request);
            var body = await JsonAsync(response);
            if (body.GetProperty("status").GetString() != "delivered")
            {
                throw new InvalidOperationException("bridge not delivered after +2m: " + body);
            }
            delivered.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"  queued → delivered (burn, four DVNs, destination mint), wall time: {Summary(delivered)}");
        return 0;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body, string status)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var json = await JsonAsync(response);
        if (!response.IsSuccessStatusCode || json.GetProperty("status").GetString() != status)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode}, expected status {status}: {json}");
        }
        return json;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.Clone();
    }

    private static string Summary(List<double> latencies)
    {
        latencies.Sort();
        double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return $"p50 {At(0.50):0.00} ms, p99 {At(0.99):0.00} ms, max {latencies[^1]:0.00} ms";
    }
}
