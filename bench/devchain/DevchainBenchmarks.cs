using System.Diagnostics;
using System.Numerics;
using FloSandbox.Devchain.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace FloSandbox.Devchain.Bench;

/// <summary>The devchain baselines: cold start of the three chains, and raw Anvil transaction throughput.</summary>
public static class DevchainBenchmarks
{
    private static readonly Contracts.Abi.ContractFunction UsdcMint = Contracts.Abi.ContractFunction.Of("MockStablecoin", "mint(address,uint256)");

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

    /// <summary>Operator mints of mock USDC through the binding (Nethereum encoding and client): one <c>eth_sendTransactionSync</c> each, serialized per sender.</summary>
    public static Task<ThroughputResult> OperatorMintsAsync(DevchainNetwork network, int operations, int concurrency, bool distinctRecipients)
    {
        var fixedRecipient = SettlementAddress.ForApiKey("bench-fixed");
        var run = Guid.NewGuid().ToString("N");
        var name = $"USDC.mint by operator ({(distinctRecipients ? "new holder each" : "same holder")})";
        return ThroughputMeter.MeasureAsync(name, operations, concurrency, (_, index) =>
            network.Usdc.MintAsync(distinctRecipients ? SettlementAddress.ForApiKey($"bench-{run}-{index}") : fixedRecipient, 1_000_000));
    }

    /// <summary>
    /// The raw Anvil token mint: the same USDC.mint as <see cref="OperatorMintsAsync"/>, as a pre-built
    /// <c>eth_sendTransactionSync</c> body over plain HTTP, sequential. The baseline on-chain benchmarks compare with.
    /// </summary>
    public static async Task<ThroughputResult> RawOperatorMintsAsync(DevchainNetwork network, int operations)
    {
        using var raw = new RawRpc(network.RpcUrl);
        var data = UsdcMint.Encode(SettlementAddress.ForApiKey("bench-fixed").ToLowerHex(), new BigInteger(1_000_000));
        var body = RawRpc.Request("eth_sendTransactionSync", DevchainAccounts.Operator.ToLowerHex(), network.Usdc.Address.ToLowerHex(), data);
        return await ThroughputMeter.MeasureAsync("raw USDC.mint by operator, plain HTTP (same holder)", operations, 1, (_, _) => raw.PostAsync(body));
    }

    /// <summary>
    /// The other way to send: sign here with the operator's key (Nethereum.Signer, secp256k1 of NBitcoin), nonce kept
    /// in-process, and <c>eth_sendRawTransactionSync</c>. Measured against <see cref="OperatorMintsAsync"/>, where the node
    /// signs; the sender keeps the faster.
    /// </summary>
    public static async Task<ThroughputResult> SignedOperatorMintsAsync(DevchainNetwork network, int operations)
    {
        EthECKey.SignRecoverable = true; // NBitcoin's signer; BouncyCastle's takes about 5 ms a signature
        var key = new EthECKey("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var signer = new LegacyTransactionSigner();
        var data = UsdcMint.Encode(SettlementAddress.ForApiKey("bench-fixed").ToLowerHex(), new BigInteger(1_000_000));
        var nonce = (await network.Rpc.SendRequestAsync<HexBigInteger>("eth_getTransactionCount", null, DevchainAccounts.Operator.ToLowerHex(), "pending")).Value;
        var gasPrice = (await network.Rpc.SendRequestAsync<HexBigInteger>("eth_gasPrice")).Value * 2;
        var usdc = network.Usdc.Address.ToLowerHex();
        return await ThroughputMeter.MeasureAsync("USDC.mint signed here + eth_sendRawTransactionSync", operations, 1, async (_, _) =>
        {
            var raw = signer.SignTransaction(key.GetPrivateKeyAsBytes(), network.Chain.ChainId, usdc, 0, nonce++, gasPrice, 200_000, data);
            var receipt = await network.Rpc.SendRequestAsync<TransactionReceipt>("eth_sendRawTransactionSync", null, "0x" + raw);
            if (!receipt.Succeeded())
            {
                throw new InvalidOperationException("reverted");
            }
        });
    }

    /// <summary>
    /// FloTokenFactory.mint of an existing token with a USDC payment: the whole sandbox mint (token supply and
    /// stablecoin debit) in one transaction, one <c>eth_sendTransactionSync</c> each, sequential.
    /// </summary>
    public static async Task<ThroughputResult> FactoryMintsAsync(DevchainNetwork network, int operations, bool distinctRecipients)
    {
        var payer = SettlementAddress.ForApiKey("bench-payer");
        await network.Usdc.MintAsync(payer, BigInteger.Pow(10, 18));
        var run = Guid.NewGuid().ToString("N");
        var domain = EffectId.NewRandom().Domain.ToArray();
        await network.Factory.MintAsync(EffectId.NewRandom(), "BENCH", "Bench Corp", payer, 1, network.Usdc.Address, payer, 1); // deploys the token
        var fixedRecipient = SettlementAddress.ForApiKey("bench-fixed");
        var name = $"Factory.mint + USDC payment ({(distinctRecipients ? "new holder each" : "same holder")})";
        return await ThroughputMeter.MeasureAsync(name, operations, 1, (_, index) =>
            network.Factory.MintAsync(EffectId.For(domain, index + 1, EffectStep.Mint), "BENCH", "Bench Corp", distinctRecipients ? SettlementAddress.ForApiKey($"bench-{run}-{index}") : fixedRecipient,
                1_000_000, network.Usdc.Address, payer, 1_000_000));
    }

    /// <summary>
    /// The same factory mint as <see cref="FactoryMintsAsync"/> (same holder, the next order's mint effect each) as pre-built
    /// <c>eth_sendTransactionSync</c> bodies over plain HTTP: what the node alone costs for it.
    /// </summary>
    public static async Task<ThroughputResult> RawFactoryMintsAsync(DevchainNetwork network, int operations)
    {
        var payer = SettlementAddress.ForApiKey("bench-payer");
        await network.Usdc.MintAsync(payer, BigInteger.Pow(10, 18));
        var domain = EffectId.NewRandom().Domain.ToArray();
        await network.Factory.MintAsync(EffectId.NewRandom(), "BENCH", "Bench Corp", payer, 1, network.Usdc.Address, payer, 1);
        var mint = Contracts.Abi.ContractFunction.Of("FloTokenFactory", "mint(bytes32,uint256,string,string,address,uint256,address,address,uint256)");
        var (holder, usdc, from, factory) = (SettlementAddress.ForApiKey("bench-fixed").ToLowerHex(), network.Usdc.Address.ToLowerHex(),
            DevchainAccounts.Operator.ToLowerHex(), network.Factory.Address.ToLowerHex());
        var bodies = Enumerable.Range(0, operations).Select(index => RawRpc.Request("eth_sendTransactionSync", from, factory, gas: "0x2dc6c0",
            data: mint.Encode(domain, new BigInteger(EffectId.For(domain, index + 1, EffectStep.Mint).Index), "BENCH", "Bench Corp", holder, new BigInteger(1_000_000), usdc,
                payer.ToLowerHex(), new BigInteger(1_000_000)))).ToArray();
        using var raw = new RawRpc(network.RpcUrl);
        return await ThroughputMeter.MeasureAsync("raw Factory.mint + USDC payment, plain HTTP (same holder)", operations, 1, (_, index) => raw.PostAsync(bodies[index]));
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

    /// <summary>Plain ETH transfers from several accounts in parallel over plain HTTP, either one sync call each or send + receipt.</summary>
    public static async Task<ThroughputResult> RawParallelTransfersAsync(DevchainNetwork network, int operations, int senders, bool sync)
    {
        var accounts = DevchainAccounts.Unlocked.Skip(1).Take(senders).ToArray();
        var recipient = DevchainAccounts.Unlocked[9].ToLowerHex();
        using var raw = new RawRpc(network.RpcUrl);
        var name = $"raw ETH transfer x{senders} accounts, {(sync ? "eth_sendTransactionSync" : "send + receipt")}";
        return await ThroughputMeter.MeasureAsync(name, operations, senders, async (worker, _) =>
        {
            var from = accounts[worker].ToLowerHex();
            if (sync)
            {
                await raw.PostAsync(RawRpc.Request("eth_sendTransactionSync", from, recipient, value: "0x1", gas: "0x5208"));
                return;
            }

            await SendThenPollAsync(raw, RawRpc.Request("eth_sendTransaction", from, recipient, value: "0x1", gas: "0x5208"));
        });
    }

    /// <summary>The classic two-call path over plain HTTP: <c>eth_sendTransaction</c> then <c>eth_getTransactionReceipt</c> (retried until mined).</summary>
    public static async Task<ThroughputResult> SendThenReceiptAsync(DevchainNetwork network, int operations)
    {
        var data = UsdcMint.Encode(SettlementAddress.ForApiKey("bench-classic").ToLowerHex(), BigInteger.One);
        var body = RawRpc.Request("eth_sendTransaction", DevchainAccounts.Operator.ToLowerHex(), network.Usdc.Address.ToLowerHex(), data);
        using var raw = new RawRpc(network.RpcUrl);
        return await ThroughputMeter.MeasureAsync("eth_sendTransaction + eth_getTransactionReceipt", operations, 1, (_, _) => SendThenPollAsync(raw, body));
    }

    private static async Task SendThenPollAsync(RawRpc raw, string send)
    {
        var reply = await raw.PostAsync(send, "\"result\":\"0x");
        var hash = reply[(reply.IndexOf("\"result\":\"", StringComparison.Ordinal) + 10)..][..66];
        var poll = $$"""{"jsonrpc":"2.0","id":1,"method":"eth_getTransactionReceipt","params":["{{hash}}"]}""";
        while ((await raw.PostAsync(poll, "\"result\"")).Contains("\"result\":null", StringComparison.Ordinal))
        {
            await Task.Yield();
        }
    }

    /// <summary>A cheap read for comparison: <c>balanceOf</c> through <c>eth_call</c>.</summary>
    public static Task<ThroughputResult> BalanceReadsAsync(DevchainNetwork network, int operations, int concurrency)
    {
        var holder = SettlementAddress.ForApiKey("bench-fixed");
        return ThroughputMeter.MeasureAsync("USDC.balanceOf (eth_call)", operations, concurrency, (_, _) => network.Usdc.BalanceOfAsync(holder));
    }

}
