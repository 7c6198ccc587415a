using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;

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

        Assert.Equal(Hex.Encode(onDisk.Bytecode), Hex.Encode(embedded.Bytecode));
        Assert.Equal(Hex.Encode(onDisk.DeployedBytecode), Hex.Encode(embedded.DeployedBytecode));
        Assert.DoesNotContain("AbiProbe", ContractArtifact.EmbeddedContractNames);
    }

    [Fact]
    public void The_Bindings_Call_Functions_And_Events_That_Exist_In_The_Abis()
    {
        var token = ContractArtifact.Load("FloToken");
        var factory = ContractArtifact.Load("FloTokenFactory");
        var stablecoin = ContractArtifact.Load("MockStablecoin");

        string[] erc20 = ["balanceOf(address)", "totalSupply()", "decimals()", "name()", "symbol()", "allowance(address,address)",
            "transfer(address,uint256)", "approve(address,uint256)", "transferFrom(address,address,uint256)", "mint(address,uint256)", "burn(address,uint256)"];
        Assert.All(erc20, signature => Assert.Contains(signature, token.FunctionSignatures()));
        Assert.All(erc20, signature => Assert.Contains(signature, stablecoin.FunctionSignatures()));
        Assert.All(["deploy(string,string)", "predict(string)", "tokenOf(string)", "owner()",
            "mint(string,string,address,uint256,address,address,uint256)", "burn(string,address,uint256,address,address,uint256)"],
            s => Assert.Contains(s, factory.FunctionSignatures()));
        Assert.Contains("TokenNotDeployed(string)", factory.ErrorSignatures());
        Assert.Contains(DevchainEvents.Transfer.Signature, token.EventSignatures());
        Assert.Contains(DevchainEvents.Approval.Signature, stablecoin.EventSignatures());
        Assert.Contains(DevchainEvents.TokenDeployed.Signature, factory.EventSignatures());
    }
}
