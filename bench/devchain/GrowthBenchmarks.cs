using System.Numerics;
using FloSandbox.Devchain.Contracts;

namespace FloSandbox.Devchain.Bench;

/// <summary>
/// How a transaction's cost grows with the chain's storage: the same write repeated on one fresh chain, measured
/// per slice, so the first slice and the last can be compared. Anvil 1.7.1 rebuilds every storage trie for each
/// block, so a loop that adds one storage word per transaction slows down slice by slice, one that adds none stays flat.
/// </summary>
public static class GrowthBenchmarks
{
    /// <summary>USDC.mint to the same holder: overwrites one balance word, adds none.</summary>
    public static Task<IReadOnlyList<ThroughputResult>> TokenMintsToSameHolderAsync(DevchainNetwork network, int operations, int slice)
    {
        var holder = SettlementAddress.ForApiKey("bench-fixed");
        return SlicedAsync("USDC.mint, same holder", operations, slice, _ => network.Usdc.MintAsync(holder, 1_000_000));
    }

    /// <summary>USDC.mint to a new holder each time: one new balance word per transaction.</summary>
    public static Task<IReadOnlyList<ThroughputResult>> TokenMintsToNewHoldersAsync(DevchainNetwork network, int operations, int slice)
    {
        var run = Guid.NewGuid().ToString("N");
        return SlicedAsync("USDC.mint, new holder each", operations, slice,
            index => network.Usdc.MintAsync(SettlementAddress.ForApiKey($"bench-{run}-{index}"), 1_000_000));
    }

    /// <summary>Factory.mint with a USDC payment to the same holder, one new effect each, at consecutive indexes of one domain.</summary>
    public static async Task<IReadOnlyList<ThroughputResult>> FactoryMintsToSameHolderAsync(DevchainNetwork network, int operations, int slice)
    {
        var payer = SettlementAddress.ForApiKey("bench-payer");
        await network.Usdc.MintAsync(payer, BigInteger.Pow(10, 18));
        var domain = EffectId.NewRandom().Domain.ToArray();
        await network.Factory.MintAsync(EffectId.NewRandom(), "BENCH", "Bench Corp", payer, 1, network.Usdc.Address, payer, 1);
        var holder = SettlementAddress.ForApiKey("bench-fixed");
        return await SlicedAsync("Factory.mint + USDC payment, same holder", operations, slice, index =>
            network.Factory.MintAsync(new EffectId(domain, (ulong)index), "BENCH", "Bench Corp", holder, 1_000_000, network.Usdc.Address, payer, 1_000_000));
    }

    private static async Task<IReadOnlyList<ThroughputResult>> SlicedAsync(string name, int operations, int slice, Func<int, Task> operation)
    {
        var results = new List<ThroughputResult>();
        for (var start = 0; start < operations; start += slice)
        {
            var count = Math.Min(slice, operations - start);
            var first = start;
            results.Add(await ThroughputMeter.MeasureAsync($"{name}, ops {start + 1}-{start + count}", count, 1, (_, index) => operation(first + index)));
        }

        return results;
    }
}
