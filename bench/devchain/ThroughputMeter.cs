using System.Diagnostics;

namespace FloSandbox.Devchain.Bench;

/// <summary>Result of one throughput run: operations per second and per-operation latency percentiles.</summary>
public sealed record ThroughputResult(string Name, int Operations, int Concurrency, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name,-58} {Operations,6} ops  x{Concurrency,-2} {PerSecond,8:0} ops/s  p50 {P50Ms,6:0.00} ms  p99 {P99Ms,6:0.00} ms";
}

/// <summary>Runs an operation N times across a few concurrent workers and measures it. Reusable by later benchmarks.</summary>
public static class ThroughputMeter
{
    public static async Task<ThroughputResult> MeasureAsync(string name, int operations, int concurrency, Func<int, int, Task> operation)
    {
        var latencies = new double[operations];
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < operations)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(worker, index);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        await Task.WhenAll(workers);
        total.Stop();
        Array.Sort(latencies);
        return new ThroughputResult(name, operations, concurrency, total.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
