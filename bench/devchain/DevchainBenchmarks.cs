using System.Diagnostics;
using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain.Bench;

/// <summary>The devchain baselines: cold start of the three chains, and raw Anvil transaction throughput.</summary>
public static class DevchainBenchmarks
{
    /// <summary>Starts the three chains with a fresh state directory and deploys the contracts; returns the time to ready.</summary>
    public static async Task<TimeSpan> ColdStartAsync(DevchainOptions? template = null)
    {
        var stateDirectory = Path.Combine(Path.GetTempPath(), "flo-devchain-bench", Guid.NewGuid().ToString("N"));
        var options = new DevchainOptions { StateDirectory = stateDirectory, AnvilPath = template?.AnvilPath, Hardfork = template?.Hardfork ?? "cancun" };
        try
        {
            var watch = Stopwatch.StartNew();
            await using var cluster = await DevchainCluster.StartAsync(options);
            watch.Stop();
            return watch.Elapsed;
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    /// <summary>Operator mints of mock USDC: one <c>eth_sendTransactionSync</c> each, serialized per sender.</summary>
    public static Task<ThroughputResult> OperatorMintsAsync(DevchainNetwork network, int operations, int concurrency, bool distinctRecipients)
    {
        var fixedRecipient = SettlementAddress.ForApiKey("bench-fixed");
        var run = Guid.NewGuid().ToString("N");
        var name = $"USDC.mint by operator ({(distinctRecipients ? "new holder each" : "same holder")})";
        return ThroughputMeter.MeasureAsync(name, operations, concurrency, (_, index) =>
            network.Usdc.MintAsync(distinctRecipients ? SettlementAddress.ForApiKey($"bench-{run}-{index}") : fixedRecipient, 1_000_000));
    }

    /// <summary>
    /// FloTokenFactory.mint of an existing token with a USDC payment: the whole sandbox mint (token supply and
    /// stablecoin debit) in one transaction, one <c>eth_sendTransactionSync</c> each, sequential.
    /// </summary>
    public static async Task<ThroughputResult> FactoryMintsAsync(DevchainNetwork network, int operations, bool distinctRecipients)
    {
        var payer = SettlementAddress.ForApiKey("bench-payer");
        await network.Usdc.MintAsync(payer, BigInteger.Pow(10, 18));
        await network.Factory.MintAsync("BENCH", "Bench Corp", payer, 1, network.Usdc.Address, payer, 1); // deploys the token
        var fixedRecipient = SettlementAddress.ForApiKey("bench-fixed");
        var run = Guid.NewGuid().ToString("N");
        var name = $"Factory.mint + USDC payment ({(distinctRecipients ? "new holder each" : "same holder")})";
        return await ThroughputMeter.MeasureAsync(name, operations, 1, (_, index) =>
            network.Factory.MintAsync("BENCH", "Bench Corp", distinctRecipients ? SettlementAddress.ForApiKey($"bench-{run}-{index}") : fixedRecipient,
                1_000_000, network.Usdc.Address, payer, 1_000_000));
    }

    /// <summary>USDC transfers from several unlocked accounts in parallel: one sender per worker, so nothing is serialized on our side.</summary>
    public static async Task<ThroughputResult> ParallelSendersAsync(DevchainNetwork network, int operations, int senders)
    {
        var accounts = DevchainAccounts.Unlocked.Skip(1).Take(senders).ToArray();
        foreach (var account in accounts)
        {
            await network.Usdc.MintAsync(account, BigInteger.Pow(10, 15));
        }

        var recipient = SettlementAddress.ForApiKey("bench-parallel");
        return await ThroughputMeter.MeasureAsync($"USDC.transfer from {senders} accounts in parallel", operations, senders, (worker, _) =>
            network.Usdc.TransferAsync(accounts[worker], recipient, 1));
    }

    /// <summary>Plain ETH transfers from several accounts in parallel over raw RPC, either one sync call each or send + receipt.</summary>
    public static async Task<ThroughputResult> RawParallelTransfersAsync(DevchainNetwork network, int operations, int senders, bool sync)
    {
        var accounts = DevchainAccounts.Unlocked.Skip(1).Take(senders).ToArray();
        var recipient = DevchainAccounts.Unlocked[9];
        var name = $"raw ETH transfer x{senders} accounts, {(sync ? "eth_sendTransactionSync" : "send + receipt")}";
        return await ThroughputMeter.MeasureAsync(name, operations, senders, async (worker, _) =>
        {
            var request = new TransactionRequest(From: accounts[worker], To: recipient, Value: 1, Gas: 21_000);
            if (sync)
            {
                await network.Rpc.SendTransactionSyncAsync(request);
                return;
            }

            var hash = await network.Rpc.SendTransactionAsync(request);
            while (await network.Rpc.GetTransactionReceiptAsync(hash) is null)
            {
                await Task.Yield();
            }
        });
    }

    /// <summary>The classic two-call path: <c>eth_sendTransaction</c> then <c>eth_getTransactionReceipt</c> (retried until mined).</summary>
    public static Task<ThroughputResult> SendThenReceiptAsync(DevchainNetwork network, int operations)
    {
        var mint = new Abi.AbiFunction("mint(address,uint256)");
        var data = mint.EncodeCall(SettlementAddress.ForApiKey("bench-classic"), 1);
        var request = new TransactionRequest(From: DevchainAccounts.Operator, To: network.Usdc.Address, Data: data, Gas: 200_000);
        return ThroughputMeter.MeasureAsync("eth_sendTransaction + eth_getTransactionReceipt", operations, 1, async (_, _) =>
        {
            var hash = await network.Rpc.SendTransactionAsync(request);
            while (await network.Rpc.GetTransactionReceiptAsync(hash) is null)
            {
                await Task.Yield();
            }
        });
    }

    /// <summary>A cheap read for comparison: <c>balanceOf</c> through <c>eth_call</c>.</summary>
    public static Task<ThroughputResult> BalanceReadsAsync(DevchainNetwork network, int operations, int concurrency)
    {
        var holder = SettlementAddress.ForApiKey("bench-fixed");
        return ThroughputMeter.MeasureAsync("USDC.balanceOf (eth_call)", operations, concurrency, (_, _) => network.Usdc.BalanceOfAsync(holder));
    }

}
