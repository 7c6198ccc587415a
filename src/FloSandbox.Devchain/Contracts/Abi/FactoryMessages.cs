using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FloSandbox.Devchain.Contracts.Abi;

// Nethereum call messages of FloTokenFactory.sol.

[Function("deploy", "address")]
internal sealed class DeployFunction : FunctionMessage
{
    [Parameter("string", "ticker", 1)]
    public string Ticker { get; set; } = null!;

    [Parameter("string", "name", 2)]
    public string Name { get; set; } = null!;
}

[Function("mint", typeof(FactoryMintOutput))]
internal sealed class FactoryMintFunction : FunctionMessage
{
    [Parameter("bytes32", "effect", 1)]
    public byte[] Effect { get; set; } = null!;

    [Parameter("string", "ticker", 2)]
    public string Ticker { get; set; } = null!;

    [Parameter("string", "name", 3)]
    public string Name { get; set; } = null!;

    [Parameter("address", "to", 4)]
    public string To { get; set; } = null!;

    [Parameter("uint256", "amount", 5)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "stablecoin", 6)]
    public string Stablecoin { get; set; } = null!;

    [Parameter("address", "payer", 7)]
    public string Payer { get; set; } = null!;

    [Parameter("uint256", "payment", 8)]
    public BigInteger Payment { get; set; }
}

[FunctionOutput]
internal sealed class FactoryMintOutput : IFunctionOutputDTO
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = null!;

    [Parameter("bool", "deployed", 2)]
    public bool Deployed { get; set; }
}

[Function("burn", "address")]
internal sealed class FactoryBurnFunction : FunctionMessage
{
    [Parameter("bytes32", "effect", 1)]
    public byte[] Effect { get; set; } = null!;

    [Parameter("string", "ticker", 2)]
    public string Ticker { get; set; } = null!;

    [Parameter("address", "from", 3)]
    public string From { get; set; } = null!;

    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "stablecoin", 5)]
    public string Stablecoin { get; set; } = null!;

    [Parameter("address", "payee", 6)]
    public string Payee { get; set; } = null!;

    [Parameter("uint256", "payout", 7)]
    public BigInteger Payout { get; set; }
}

/// <summary><c>collect</c> and <c>pay</c> take the same arguments: a stablecoin, an account and an amount.</summary>
internal abstract class StablecoinEffectFunction : FunctionMessage
{
    [Parameter("bytes32", "effect", 1)]
    public byte[] Effect { get; set; } = null!;

    [Parameter("address", "stablecoin", 2)]
    public string Stablecoin { get; set; } = null!;

    [Parameter("address", "account", 3)]
    public string Account { get; set; } = null!;

    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }
}

[Function("collect")]
internal sealed class CollectFunction : StablecoinEffectFunction;

[Function("pay")]
internal sealed class PayFunction : StablecoinEffectFunction;

[Function("doneMany", "bool[]")]
internal sealed class DoneManyFunction : FunctionMessage
{
    [Parameter("bytes32[]", "effects", 1)]
    public List<byte[]> Effects { get; set; } = null!;
}

[Function("predict", "address")]
internal sealed class PredictFunction : FunctionMessage
{
    [Parameter("string", "ticker", 1)]
    public string Ticker { get; set; } = null!;
}

[Function("tokenOf", "address")]
internal sealed class TokenOfFunction : FunctionMessage
{
    [Parameter("string", "ticker", 1)]
    public string Ticker { get; set; } = null!;
}

[Function("owner", "address")]
internal sealed class OwnerFunction : FunctionMessage;
