using System.Globalization;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Bench;

// Devchain baselines. Usage: dotnet run -c Release --project bench/devchain [-- --ops 1000 --cold-runs 5 --growth 5000]
// (--growth 0 skips the growth section; --only-growth runs it alone)
// Every throughput scenario runs on freshly started chains: Anvil gets slower as state grows, so
// scenarios sharing a chain would measure their order rather than themselves.
var operations = ArgValue("--ops", 1000);
var coldRuns = ArgValue("--cold-runs", 5);
var growth = ArgValue("--growth", 5000);
if (Array.IndexOf(args, "--only-growth") >= 0)
{
    await GrowthAsync(growth);
    return;
}

Console.WriteLine($"FloSandbox devchain bench ({Environment.ProcessorCount} cores, {operations} ops per run)");
Console.WriteLine();
Console.WriteLine("Cold start: three chains from a fresh state directory, contracts deployed");
await DevchainBenchmarks.ColdStartAsync(); // warm-up: JIT, page cache
var coldStarts = new List<double>();
for (var run = 0; run < coldRuns; run++)
{
    coldStarts.Add((await DevchainBenchmarks.ColdStartAsync()).TotalMilliseconds);
}

coldStarts.Sort();
Console.WriteLine($"  runs {coldRuns}: min {coldStarts[0]:0} ms, median {coldStarts[coldStarts.Count / 2]:0} ms, max {coldStarts[^1]:0} ms");
Console.WriteLine();

Console.WriteLine("Raw Anvil throughput on one chain (base), fresh chains per scenario");
await OnFreshChain(n => DevchainBenchmarks.OperatorMintsAsync(n, 200, 1, distinctRecipients: false)); // warm-up
await OnFreshChain(n => DevchainBenchmarks.RawOperatorMintsAsync(n, 200)); // warm-up
var rawMint = await OnFreshChain(n => DevchainBenchmarks.RawOperatorMintsAsync(n, operations));
var bindingMint = await OnFreshChain(n => DevchainBenchmarks.OperatorMintsAsync(n, operations, 1, distinctRecipients: false));
await OnFreshChain(n => DevchainBenchmarks.SignedOperatorMintsAsync(n, 200)); // warm-up
var signedMint = await OnFreshChain(n => DevchainBenchmarks.SignedOperatorMintsAsync(n, operations));
await OnFreshChain(n => DevchainBenchmarks.OperatorMintsAsync(n, operations, 4, distinctRecipients: false));
await OnFreshChain(n => DevchainBenchmarks.OperatorMintsAsync(n, operations, 1, distinctRecipients: true));
await OnFreshChain(n => DevchainBenchmarks.ParallelSendersAsync(n, operations, 4));
var rawTransfer = await OnFreshChain(n => DevchainBenchmarks.RawParallelTransfersAsync(n, operations, 1, sync: true));
await OnFreshChain(n => DevchainBenchmarks.RawParallelTransfersAsync(n, operations, 4, sync: true));
await OnFreshChain(n => DevchainBenchmarks.RawParallelTransfersAsync(n, operations, 4, sync: false));
await OnFreshChain(n => DevchainBenchmarks.SendThenReceiptAsync(n, operations));
await OnFreshChain(n => DevchainBenchmarks.BalanceReadsAsync(n, operations, 1));
await OnFreshChain(n => DevchainBenchmarks.BalanceReadsAsync(n, operations, 4));

Console.WriteLine();
Console.WriteLine("One-transaction sandbox mint (existing token, USDC payment > 0, sequential), fresh chains per scenario");
await OnFreshChain(n => DevchainBenchmarks.FactoryMintsAsync(n, 200, distinctRecipients: false)); // warm-up
var factoryMint = await OnFreshChain(n => DevchainBenchmarks.FactoryMintsAsync(n, operations, distinctRecipients: false));
await OnFreshChain(n => DevchainBenchmarks.FactoryMintsAsync(n, operations, distinctRecipients: true));
var rawFactoryMint = await OnFreshChain(n => DevchainBenchmarks.RawFactoryMintsAsync(n, operations));
Console.WriteLine($"  factory mint through the binding vs raw: {factoryMint.PerSecond / rawFactoryMint.PerSecond:P0} (p50 {factoryMint.P50Ms:0.00} vs {rawFactoryMint.P50Ms:0.00} ms)");
Console.WriteLine($"  USDC.mint through the binding vs raw: {bindingMint.PerSecond / rawMint.PerSecond:P0} (p50 {bindingMint.P50Ms:0.00} vs {rawMint.P50Ms:0.00} ms); " +
    $"signed here vs node-signed: {signedMint.PerSecond / bindingMint.PerSecond:P0} (p50 {signedMint.P50Ms:0.00} vs {bindingMint.P50Ms:0.00} ms)");
Console.WriteLine($"  factory mint vs raw USDC.mint x1: {factoryMint.PerSecond / rawMint.PerSecond:P0}; " +
    $"vs raw ETH transfer x1: {factoryMint.PerSecond / rawTransfer.PerSecond:P0} (target >= 50%)");

Console.WriteLine();
Console.WriteLine("All three chains at once (operator mints, one worker per chain)");
await using (var cluster = await DevchainCluster.StartAsync(new DevchainOptions()))
{
    var perChain = await Task.WhenAll(cluster.Networks.Select(n => DevchainBenchmarks.OperatorMintsAsync(n, operations, 1, distinctRecipients: false)));
    foreach (var (chain, result) in cluster.Networks.Zip(perChain))
    {
        Console.WriteLine($"  {chain.Chain.Name,-9} {result}");
    }

    Console.WriteLine($"  combined  {perChain.Sum(r => r.PerSecond):0} mints/s");
}

await GrowthAsync(growth);
return;

static async Task GrowthAsync(int operations)
{
    if (operations <= 0)
    {
        return;
    }

    Console.WriteLine();
    Console.WriteLine($"Growth: {operations} sequential writes on one fresh chain, timed per 1,000 (does each write add storage?)");
    await OnFreshChainSliced(n => GrowthBenchmarks.TokenMintsToSameHolderAsync(n, operations, 1000));
    await OnFreshChainSliced(n => GrowthBenchmarks.TokenMintsToNewHoldersAsync(n, operations, 1000));
    await OnFreshChainSliced(n => GrowthBenchmarks.FactoryMintsToSameHolderAsync(n, operations, 1000));
}

static async Task OnFreshChainSliced(Func<DevchainNetwork, Task<IReadOnlyList<ThroughputResult>>> scenario)
{
    await using var cluster = await DevchainCluster.StartAsync(new DevchainOptions());
    foreach (var result in await scenario(cluster["base"]))
    {
        Console.WriteLine($"  {result}");
    }
}

static async Task<ThroughputResult> OnFreshChain(Func<DevchainNetwork, Task<ThroughputResult>> scenario)
{
    await using var cluster = await DevchainCluster.StartAsync(new DevchainOptions());
    var result = await scenario(cluster["base"]);
    Console.WriteLine($"  {result}");
    return result;
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
