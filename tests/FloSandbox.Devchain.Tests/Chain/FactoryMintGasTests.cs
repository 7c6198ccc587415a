using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FloSandbox.Devchain.Tests.Chain;

/// <summary>What a factory mint costs, with and without the token deployment.</summary>
[Collection(DevchainCollection.Name)]
public sealed class FactoryMintGasTests(DevchainFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_Deploying_Mint_Costs_A_Plain_Mint_Plus_Roughly_The_Create2_Premium()
    {
        var network = fixture.Base;
        var payer = SettlementAddress.ForApiKey("sk_test_" + Guid.NewGuid().ToString("N"));
        await network.Usdc.MintAsync(payer, TokenUnits.ToUnits(1_000m));
        var ticker = DevchainFixture.UniqueTicker();
        var newHolder = () => SettlementAddress.ForApiKey("sk_test_" + Guid.NewGuid().ToString("N"));

        // Orders 1 and 2 of one domain: both mints set a bit in a storage word that order 1's payment started, as most sandbox mints do.
        var domain = EffectId.NewRandom().Domain.ToArray();
        await network.Factory.CollectAsync(EffectId.For(domain, 1, EffectStep.Payment), network.Usdc.Address, payer, 1);
        var deploying = await network.Factory.MintAsync(EffectId.For(domain, 1, EffectStep.Mint), ticker, "Gas Corp", newHolder(), 1_000_000, network.Usdc.Address, payer, 10_000_000);
        var plain = await network.Factory.MintAsync(EffectId.For(domain, 2, EffectStep.Mint), ticker, "Gas Corp", newHolder(), 1_000_000, network.Usdc.Address, payer, 10_000_000);
        var newWord = await network.Factory.MintAsync(EffectId.NewRandom(), ticker, "Gas Corp", newHolder(), 1_000_000, network.Usdc.Address, payer, 10_000_000);
        var standaloneDeploy = await network.Factory.DeployAsync(DevchainFixture.UniqueTicker(), "Gas Corp");
        var runtimeSize = (ulong)(await network.Rpc.GetCodeAsync(deploying.Token)).Length;

        // CREATE2 floor: the create itself (32000), the code deposit (200 per runtime byte) and hashing the init code.
        var initCodeWords = (ulong)(ContractArtifact.Load("FloToken").Bytecode.Length + 31) / 32;
        var create2Floor = 32_000 + (200 * runtimeSize) + (8 * initCodeWords);
        var premium = deploying.GasUsed - plain.GasUsed;
        output.WriteLine($"deploying mint {deploying.GasUsed}, plain mint {plain.GasUsed}, plain mint starting a storage word {newWord.GasUsed}, premium {premium}, " +
            $"CREATE2 floor {create2Floor} ({runtimeSize} runtime bytes), standalone deploy tx {standaloneDeploy.GasUsed}, " +
            $"DeployGasPremium {deploying.DeployGasPremium}");

        Assert.True(deploying.Deployed && !plain.Deployed);
        Assert.InRange(premium, create2Floor, create2Floor + 150_000); // + constructor, initialize(name, symbol), tokens[salt], TokenDeployed
        Assert.InRange((long)premium - (long)(standaloneDeploy.GasUsed - 21_000), -30_000, 30_000);
        Assert.InRange(plain.GasUsed, FloTokenFactoryContract.TypicalPlainMintGas * 95 / 100, FloTokenFactoryContract.TypicalPlainMintGas * 105 / 100);
        Assert.InRange((long)deploying.DeployGasPremium - (long)premium, -5_000, 5_000);
        Assert.InRange((long)newWord.GasUsed - (long)plain.GasUsed, 17_100 - 500, 17_100 + 500); // SSTORE 0 -> x (22,100 cold) instead of x -> y (5,000 cold); calldata differs a little
    }
}
