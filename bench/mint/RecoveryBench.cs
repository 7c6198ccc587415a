using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace FloSandbox.Mint.Bench;

/// Time to recover in-flight orders after kill -9: the base chain's node is frozen (SIGSTOP) so that every
/// mint is accepted (debited, claimed) but none settles, the sandbox is killed with SIGKILL, and the
/// restart on the same data directory is timed to its first 200 from /health/ready, by which point it has
/// reconciled the chain and completed every mint in flight. A warm restart with nothing in flight is
/// timed too, for comparison.
//   dotnet run -c Release --project bench/mint -- --recovery 1000
internal static class RecoveryBench
{
    public static async Task<int> RunAsync(string repoRoot, int orders)
    {
        Console.WriteLine($"FloSandbox recovery bench ({Environment.ProcessorCount} cores): {orders} mints in flight at kill -9");
        var environment = new Dictionary<string, string>
        {
            ["RateLimit__RequestsPerSecond"] = "100000000",
            ["Market__Mode"] = "open",
            ["Mints__InlineWait"] = "00:00:00.020",
            ["Guardrails__MintMaxNotionalPerAddressPerBlock"] = "1000000000000",
            ["Guardrails__MintMaxTotalPerBlock"] = "1000000000000",
            ["Guardrails__MintDailyNotionalPerAsset"] = "1000000000000",
        };
        var key = "sk_test_recovery" + Guid.NewGuid().ToString("N")[..12];
        var body = new { asset = "AAPL", quantity = 1, settlement = new { currency = "USDC", chain = "base" } };

        var first = await SandboxProcess.StartAsync(repoRoot, environment);
        var dataDir = first.DataDirectory;
        using (var http = Client(first, key))
        {
            (await http.PostAsJsonAsync("/v1/sandbox/faucet", new { currency = "USDC", amount = 100_000_000 })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/v1/mint", body)).EnsureSuccessStatusCode();
            var baseNode = first.AnvilNodes()["8453"];
            Process.Start("kill", ["-STOP", baseNode.ToString()])!.WaitForExit();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= orders)
                {
                    (await http.PostAsJsonAsync("/v1/mint", body)).EnsureSuccessStatusCode();
                }
            }));
            Console.WriteLine($"  accepted {orders} mints with the base node frozen; in flight: {await CountAsync(http, "filled")}");
        }
        await first.KillHardAsync();
        await first.DisposeAsync();

        var clock = Stopwatch.StartNew();
        var second = await SandboxProcess.StartAsync(repoRoot, environment, dataDir);
        var recovery = clock.Elapsed;
        using (var http = Client(second, key))
        {
            Console.WriteLine($"  restart after kill -9 to ready: {recovery.TotalSeconds:0.00} s; then settled {await CountAsync(http, "settled")}, "
                + $"still in flight {await CountAsync(http, "filled")}");
        }
        await second.DisposeAsync();

        var third = await SandboxProcess.StartAsync(repoRoot, environment, dataDir);
        await third.DisposeAsync();
        clock.Restart();
        var fourth = await SandboxProcess.StartAsync(repoRoot, environment, dataDir);
        Console.WriteLine($"  for comparison, a warm restart of the same data with nothing in flight: {clock.Elapsed.TotalSeconds:0.00} s");
        await fourth.KillHardAsync();
        await fourth.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    private static HttpClient Client(SandboxProcess sandbox, string key)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return http;
    }

    private static async Task<int> CountAsync(HttpClient http, string status)
    {
        var count = 0;
        string? after = null;
        do
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"/v1/mints?limit=100&status={status}" + (after is null ? "" : $"&starting_after={after}")));
            count += page.RootElement.GetProperty("data").GetArrayLength();
            after = page.RootElement.GetProperty("has_more").GetBoolean() ? page.RootElement.GetProperty("next_cursor").GetString() : null;
        }
        while (after is not null);
        return count;
    }
}
