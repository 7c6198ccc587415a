using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FloSandbox.Devchain.Contracts.Abi;

// Nethereum event and error types of the devchain contracts.

[Event("Transfer")]
internal sealed class TransferEventDto : IEventDTO
{
    [Parameter("address", "from", 1, true)]
    public string From { get; set; } = null!;

    [Parameter("address", "to", 2, true)]
    public string To { get; set; } = null!;

    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}

[Event("Approval")]
internal sealed class ApprovalEventDto : IEventDTO
{
    [Parameter("address", "owner", 1, true)]
    public string Owner { get; set; } = null!;

    [Parameter("address", "spender", 2, true)]
    public string Spender { get; set; } = null!;

    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}

[Event("TokenDeployed")]
internal sealed class TokenDeployedEventDto : IEventDTO
{
    [Parameter("bytes32", "salt", 1, true)]
    public byte[] Salt { get; set; } = null!;

    [Parameter("address", "token", 2, true)]
    public string Token { get; set; } = null!;

    [Parameter("string", "ticker", 3, false)]
    public string Ticker { get; set; } = null!;

    [Parameter("string", "name", 4, false)]
    public string Name { get; set; } = null!;
}

[Event("EffectApplied")]
internal sealed class EffectAppliedEventDto : IEventDTO
{
    [Parameter("bytes32", "effect", 1, true)]
    public byte[] Effect { get; set; } = null!;
}

[Error("EffectAlreadyApplied")]
internal sealed class EffectAlreadyAppliedError
{
    [Parameter("bytes32", "effect", 1)]
    public byte[] Effect { get; set; } = null!;
}
