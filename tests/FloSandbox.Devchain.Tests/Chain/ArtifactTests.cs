using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using System.Reflection;
using FloSandbox.Devchain.Tests.Infrastructure;
using FloSandbox.Devchain.Contracts.Abi;

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
    public void Every_Function_And_Event_The_Bindings_Use_Is_Read_From_An_Abi()
    {
        // The bindings find each function and event in the embedded artifacts when their type loads, and fail there if one is missing.
        var fields = typeof(ContractArtifact).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(ContractFunction) || f.FieldType == typeof(ContractEvent))
            .ToArray();

        var signatures = fields.Select(f => f.GetValue(null) switch
        {
            ContractFunction function => function.Signature,
            ContractEvent contractEvent => contractEvent.Signature,
            _ => throw new InvalidOperationException(f.Name),
        }).ToArray();

        Assert.Equal(26, signatures.Length);
        Assert.Contains("batch(bytes[],uint256[])", signatures);
        Assert.Contains("BatchCallDone(uint256,bool,uint256,bytes)", signatures);
        Assert.Contains("mint(bytes32,uint256,string,string,address,uint256,address,address,uint256)", signatures);
        Assert.Contains("burn(bytes32,uint256,string,address,uint256,address,address,uint256)", signatures);
        Assert.Contains("collect(bytes32,uint256,address,address,uint256)", signatures);
        Assert.Contains("pay(bytes32,uint256,address,address,uint256)", signatures);
        Assert.Contains("doneMany(bytes32,uint256[])", signatures);
        Assert.Contains("balancesOf(address[],address[])", signatures);
        Assert.Contains("EffectApplied(bytes32,uint256)", signatures);
        Assert.Contains("EffectAlreadyApplied(bytes32,uint256)", ContractArtifact.Load("FloTokenFactory").ErrorSignatures());
        Assert.Contains("done(bytes32,uint256)", ContractArtifact.Load("FloTokenFactory").FunctionSignatures());
        Assert.Equal(ContractArtifact.Load("FloToken").FunctionSignatures().Where(f => f != "initialize(string,string)" && !f.StartsWith("factory") && !f.StartsWith("operator")).Order(),
            ContractArtifact.Load("MockStablecoin").FunctionSignatures().Where(f => !f.StartsWith("factory") && !f.StartsWith("operator")).Order());
    }
}
