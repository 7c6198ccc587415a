using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FloSandbox.Devchain.Contracts.Abi;

// Nethereum call messages of Erc20.sol, shared by FloToken and MockStablecoin.

[Function("balanceOf", "uint256")]
internal sealed class BalanceOfFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = null!;
}

[Function("totalSupply", "uint256")]
internal sealed class TotalSupplyFunction : FunctionMessage;

[Function("decimals", "uint8")]
internal sealed class DecimalsFunction : FunctionMessage;

[Function("name", "string")]
internal sealed class NameFunction : FunctionMessage;

[Function("symbol", "string")]
internal sealed class SymbolFunction : FunctionMessage;

[Function("allowance", "uint256")]
internal sealed class AllowanceFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = null!;

    [Parameter("address", "spender", 2)]
    public string Spender { get; set; } = null!;
}

[Function("transfer", "bool")]
internal sealed class TransferFunction : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = null!;

    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}

[Function("approve", "bool")]
internal sealed class ApproveFunction : FunctionMessage
{
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = null!;

    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}

[Function("mint")]
internal sealed class SupplyMintFunction : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = null!;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("burn")]
internal sealed class SupplyBurnFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = null!;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}
