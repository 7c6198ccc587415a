using System.Diagnostics;
using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Node;
using FloSandbox.Devchain.Rpc;
using FloSandbox.Devchain.Tests.Infrastructure;

namespace FloSandbox.Devchain.Tests.Node;

/// <summary>Lifecycle tests start their own nodes, so killing or restarting them never disturbs the shared chains.</summary>
public sealed class NodeLifecycleTests
{
    [Fact]
    public async Task Restart_With_Persisted_State_Finds_Contracts_And_Balances()
    {
        var options = new DevchainOptions { StateDirectory = TestPaths.NewTempDirectory() };
        var holder = SettlementAddress.ForApiKey("sk_test_restart");
        var ticker = DevchainFixture.UniqueTicker();
        BigInteger nonceBefore;
        await using (var first = await DevchainCluster.StartAsync(options))
        {
            Assert.Equal(3, first["base"].Deployment.Deployed.Count);
            var deployment = await first["base"].Factory.DeployAsync(ticker, "Persisted Inc.");
            await first["base"].Token(deployment.Token).MintAsync(holder, 1_000_000);
            await first["ethereum"].Usdc.MintAsync(holder, 42);
            nonceBefore = await first["base"].Rpc.GetNonceAsync(DevchainAccounts.Operator);
        }

        Assert.All(["base", "arbitrum", "ethereum"], chain => Assert.True(File.Exists(Path.Combine(options.StateDirectory, chain + ".json"))));
        await using var second = await DevchainCluster.StartAsync(options);

        Assert.All(second.Networks, n => Assert.Empty(n.Deployment.Deployed));
        Assert.All(second.Networks, n => Assert.Equal(["FloTokenFactory", "USDC", "USDT"], n.Deployment.AlreadyPresent));
        var token = await second["base"].Factory.TokenOfAsync(ticker);
        Assert.NotNull(token);
        Assert.Equal(new BigInteger(1_000_000), await second["base"].Token(token.Value).BalanceOfAsync(holder));
        Assert.Equal(new BigInteger(42), await second["ethereum"].Usdc.BalanceOfAsync(holder));
        Assert.Equal(nonceBefore, await second["base"].Rpc.GetNonceAsync(DevchainAccounts.Operator));
    }

    [Fact]
    public async Task Applied_Effects_And_Their_Logs_Survive_A_Clean_Restart_And_A_Kill_Loses_Both_Together()
    {
        // A long state interval: only a clean stop writes the state file.
        var options = new DevchainOptions { StateDirectory = TestPaths.NewTempDirectory(), StateInterval = TimeSpan.FromMinutes(10) };
        var domain = EffectId.NewRandom().Domain.ToArray();
        var (kept, lost) = (EffectId.For(domain, 1, EffectStep.Mint), EffectId.For(domain, 2, EffectStep.Mint)); // neighbours in one storage word
        var holder = SettlementAddress.ForApiKey("sk_test_effects");
        TokenMint mint;
        await using (var first = await DevchainCluster.StartAsync(options))
        {
            mint = await first["base"].Factory.MintAsync(kept, "KEEP", "Kept Inc.", holder, 5, EvmAddress.Zero, EvmAddress.Zero, 0);
            for (var i = 0; i < 100; i++)
            {
                await first["base"].Usdc.MintAsync(holder, 1); // more blocks than the node keeps states of (Devchain:KeptStates)
            }
        }

        await using (var second = await DevchainCluster.StartAsync(options))
        {
            var found = await second["base"].Factory.FindAppliedAsync(kept);
            Assert.NotNull(found);
            Assert.Equal((mint.TransactionHash, mint.Token, true), (found.TransactionHash, second["base"].Factory.ReadMint("KEEP", found).Token, second["base"].Factory.ReadMint("KEEP", found).Deployed));
            Assert.Equal([true, false], await second["base"].Factory.DoneAsync([kept, lost]));

            await second["base"].Factory.MintAsync(lost, "KEEP", "Kept Inc.", holder, 7, EvmAddress.Zero, EvmAddress.Zero, 0);
            second["base"].Node!.Kill();
            await second["base"].Node!.Exited.WaitAsync(TimeSpan.FromSeconds(5));
        }

        await using var third = await DevchainCluster.StartAsync(options);
        Assert.Equal([true, false], await third["base"].Factory.DoneAsync([kept, lost]));
        Assert.NotNull(await third["base"].Factory.FindAppliedAsync(kept));
        Assert.Null(await third["base"].Factory.FindAppliedAsync(lost));
        Assert.Equal(new BigInteger(5), await third["base"].Token(mint.Token).BalanceOfAsync(holder));
    }

    [Fact]
    public async Task A_Killed_Anvil_Is_Reported_Dead_At_Once_And_Calls_Fail_Fast()
    {
        await using var processes = new AnvilProcessManager(new DevchainOptions());
        var node = await processes.StartAsync(DevchainChain.Arbitrum);
        using var rpc = new DevchainRpcClient(node.RpcUrl);
        Assert.True(await node.IsAliveAsync());
        Assert.Equal(42161UL, await rpc.GetChainIdAsync());

        node.Kill();
        await node.Exited.WaitAsync(TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();
        var alive = await node.IsAliveAsync();
        var error = await Assert.ThrowsAsync<DevchainUnavailableException>(() => rpc.SendRequestAsync<string>("eth_blockNumber"));
        watch.Stop();

        Assert.False(alive);
        Assert.True(node.HasExited);
        Assert.Equal(node.RpcUrl, error.Endpoint);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_Missing_Binary_Gives_A_Clear_Error()
    {
        var missing = Path.Combine(TestPaths.NewTempDirectory(), "anvil");
        await using var processes = new AnvilProcessManager(new DevchainOptions { AnvilPath = missing });

        var error = await Assert.ThrowsAsync<AnvilStartException>(() => processes.StartAsync(DevchainChain.Base));

        Assert.Contains("Devchain:AnvilPath", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Without_Configuration_The_Npm_Installed_Binary_Is_Found()
    {
        var resolved = AnvilBinary.Resolve(configuredPath: null, devchainDirectory: null);

        Assert.StartsWith(Path.Combine(TestPaths.DevchainDirectory, "node_modules"), resolved);
        Assert.Contains("@foundry-rs", resolved);
        var (exitCode, output) = await TestPaths.RunAsync(resolved, TestPaths.DevchainDirectory, "--version");
        Assert.Equal(0, exitCode);
        Assert.Contains("1.7.1", output);
    }

    [Fact]
    public async Task An_Anvil_That_Fails_To_Start_Reports_Its_Own_Error_Output()
    {
        var stateDirectory = TestPaths.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(stateDirectory, "base.json"), "this is not a state file");
        await using var processes = new AnvilProcessManager(new DevchainOptions { StateDirectory = stateDirectory });

        var error = await Assert.ThrowsAsync<AnvilStartException>(() => processes.StartAsync(DevchainChain.Base));

        Assert.Contains("exited with code", error.Message);
        Assert.Contains("failed to parse json", error.Message);
    }

    [Fact]
    public async Task An_Anvil_That_Never_Answers_Times_Out_Instead_Of_Hanging()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in binary is a shell script
        }

        var fake = Path.Combine(TestPaths.NewTempDirectory(), "anvil");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho 'pretending to start'\nexec sleep 60\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new DevchainOptions { AnvilPath = fake, StartupTimeout = TimeSpan.FromSeconds(1) };
        await using var processes = new AnvilProcessManager(options);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AnvilStartException>(() => processes.StartAsync(DevchainChain.Ethereum));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains("within 1 s", error.Message);
        Assert.Contains("pretending to start", error.Message);
    }

    [Fact]
    public async Task A_Chain_Whose_Operator_Nonce_Moved_On_Without_The_Contracts_Is_Refused()
    {
        await using var processes = new AnvilProcessManager(new DevchainOptions());
        var node = await processes.StartAsync(DevchainChain.Base);
        using var rpc = new DevchainRpcClient(node.RpcUrl);
        var sender = new TransactionSender(rpc);
        await sender.SendAsync(DevchainAccounts.Operator, DevchainAccounts.Unlocked[1], value: 1, gas: 21_000);

        var error = await Assert.ThrowsAsync<DevchainDeploymentException>(() => DevchainDeployer.EnsureDeployedAsync(sender, DevchainChain.Base));

        Assert.Contains("FloTokenFactory is missing on base (8453)", error.Message);
        Assert.Contains("nonce is 1", error.Message);
    }

    [Fact]
    public async Task A_Chain_Holding_Another_Version_Of_A_Contract_Is_Refused()
    {
        await using var processes = new AnvilProcessManager(new DevchainOptions());
        var node = await processes.StartAsync(DevchainChain.Base);
        using var rpc = new DevchainRpcClient(node.RpcUrl);
        var sender = new TransactionSender(rpc);
        await DevchainDeployer.EnsureDeployedAsync(sender, DevchainChain.Base);
        await rpc.SendRequestAsync<object>("anvil_setCode", null, DevchainAccounts.Usdt.ToLowerHex(), "0x6000600055");

        var error = await Assert.ThrowsAsync<DevchainDeploymentException>(() => DevchainDeployer.EnsureDeployedAsync(sender, DevchainChain.Base));

        Assert.Contains($"USDT at {DevchainAccounts.Usdt} on base (8453) is not this sandbox's MockStablecoin: it has 5 bytes of code", error.Message);
        Assert.Contains("point Devchain:RpcUrls at a fresh node", error.Message);
    }

    [Theory]
    [InlineData("FloTokenFactory.before-effects.hex", 5644)] // before effect ids
    [InlineData("FloTokenFactory.bytes32-effects.hex", 7106)] // effect ids as one bytes32 storage word each, before the bitmap
    public async Task A_State_File_Holding_An_Older_Factory_Is_Refused_In_One_Line_Naming_The_File(string oldCode, int oldSize)
    {
        var options = new DevchainOptions { StateDirectory = TestPaths.NewTempDirectory() };
        var before = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Node", "Data", oldCode))).Trim();
        await using (var old = await DevchainCluster.StartAsync(options))
        {
            // What a state file written by the previous version holds: the same addresses, the older factory.
            await old["base"].Rpc.SendRequestAsync<object>("anvil_setCode", null, DevchainAccounts.Factory.ToLowerHex(), before);
        }

        var error = await Assert.ThrowsAsync<DevchainDeploymentException>(() => DevchainCluster.StartAsync(options));

        var stateFile = Path.Combine(options.StateDirectory, "base.json");
        Assert.Equal(
            $"FloTokenFactory at {DevchainAccounts.Factory} on base (8453) is not this sandbox's FloTokenFactory: it has {oldSize} bytes of code, the current version has " +
            $"{ContractArtifact.Load("FloTokenFactory").DeployedBytecode.Length}. The chain state was saved by an older sandbox; delete {stateFile} to start this chain " +
            "afresh (at start the sandbox restores every ledger balance and token on it).",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_Configured_Rpc_Url_Is_Used_Instead_Of_Spawning_Anvil()
    {
        await using var processes = new AnvilProcessManager(new DevchainOptions());
        var external = await processes.StartAsync(DevchainChain.Ethereum);
        var options = new DevchainOptions { RpcUrls = { ["ethereum"] = external.RpcUrl.ToString() } };

        await using var cluster = await DevchainCluster.StartAsync(options);

        Assert.Null(cluster["ethereum"].Node);
        Assert.Equal(external.RpcUrl, cluster["ethereum"].RpcUrl);
        Assert.NotNull(cluster["base"].Node);
        Assert.Equal(["FloTokenFactory", "USDC", "USDT"], cluster["ethereum"].Deployment.Deployed);
        Assert.True(await cluster.IsHealthyAsync());
    }
}
