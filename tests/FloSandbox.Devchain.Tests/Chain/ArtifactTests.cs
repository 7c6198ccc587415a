using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using System.Reflection;
using FloSandbox.Devchain.Tests.Infrastructure;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FloSandbox.Devchain.Tests.Chain;

public sealed class ArtifactTests
{
    [Fact]
    public async Task Checked_In_Artifacts_Match_A_Fresh_Compile_Of_The_Sources()
    {
        var (exitCode, output) = await TestPaths.RunAsync("node", TestPaths.DevchainDirectory, "compile.mjs", "--check");

        Assert.True(exitCode == 0, output);
        Assert.Contains("artifacts match the sources", output);
    }

    [Theory]
    [InlineData("FloToken")]
    [InlineData("FloTokenFactory")]
    [InlineData("MockStablecoin")]
    [InlineData("BalanceReader")]
    public void Embedded_Artifacts_Are_The_Checked_In_Files(string contract)
    {
        using var file = File.OpenRead(Path.Combine(TestPaths.DevchainDirectory, "artifacts", contract + ".json"));
        var onDisk = ContractArtifact.Parse(file);

        var embedded = ContractArtifact.Load(contract);

        Assert.Equal(onDisk.Bytecode.ToArray(), embedded.Bytecode.ToArray());
        Assert.Equal(onDisk.DeployedBytecode.ToArray(), embedded.DeployedBytecode.ToArray());
    }

    [Fact]
    public void Every_Function_Event_And_Error_The_Bindings_Encode_Exists_In_An_Abi()
    {
        var artifacts = ContractArtifact.EmbeddedContractNames.Select(ContractArtifact.Load).ToArray();
        var dtos = typeof(ContractArtifact).Assembly.GetTypes().Where(t => !t.IsAbstract).ToArray();

        var functions = dtos.Where(t => t.GetCustomAttribute<FunctionAttribute>() is not null).Select(t => ABITypedRegistry.GetFunctionABI(t).Signature).ToArray();
        var events = dtos.Where(t => t.GetCustomAttribute<EventAttribute>() is not null).Select(t => ABITypedRegistry.GetEvent(t).Signature).ToArray();
        var errors = dtos.Where(t => t.GetCustomAttribute<ErrorAttribute>() is not null).Select(t => ABITypedRegistry.GetError(t).Signature).ToArray();

        Assert.Contains("mint(bytes32,string,string,address,uint256,address,address,uint256)", functions);
        Assert.Contains("balancesOf(address[],address[])", functions);
        Assert.Equal(20, functions.Length);
        Assert.All(functions, f => Assert.Contains(artifacts, a => a.FunctionSignatures().Contains(f)));
        Assert.Equal(["Approval(address,address,uint256)", "EffectApplied(bytes32)", "TokenDeployed(bytes32,address,string,string)", "Transfer(address,address,uint256)"],
            events.Order());
        Assert.All(events, e => Assert.Contains(artifacts, a => a.EventSignatures().Contains(e)));
        Assert.Equal(["EffectAlreadyApplied(bytes32)"], errors);
        Assert.Contains(errors[0], ContractArtifact.Load("FloTokenFactory").ErrorSignatures());
    }
}
