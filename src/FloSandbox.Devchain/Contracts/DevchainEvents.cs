using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>An ERC-20 <c>Transfer</c> (mints come from the zero address, burns go to it).</summary>
/// <param name="Token">The emitting token.</param>
/// <param name="From">Sender, zero for a mint.</param>
/// <param name="To">Recipient, zero for a burn.</param>
/// <param name="Value">Raw units.</param>
/// <param name="TransactionHash">Transaction that emitted it.</param>
public sealed record TransferEvent(EvmAddress Token, EvmAddress From, EvmAddress To, BigInteger Value, string TransactionHash);

/// <summary>FloTokenFactory's <c>TokenDeployed</c>.</summary>
/// <param name="Factory">The emitting factory.</param>
/// <param name="Salt">keccak256(ticker), the CREATE2 salt.</param>
/// <param name="Token">The new token.</param>
/// <param name="Ticker">The ticker (the token's symbol).</param>
/// <param name="Name">The token's name.</param>
/// <param name="TransactionHash">The deploying transaction.</param>
/// <param name="BlockNumber">Its block.</param>
public sealed record TokenDeployedEvent(EvmAddress Factory, byte[] Salt, EvmAddress Token, string Ticker, string Name, string TransactionHash, ulong BlockNumber);

/// <summary>An event of the devchain contracts: its canonical signature and first topic.</summary>
/// <param name="Signature">e.g. <c>Transfer(address,address,uint256)</c>.</param>
/// <param name="Topic0">keccak256 of the signature, 0x-prefixed lower-case hex: the first topic of each of its logs.</param>
public sealed record DevchainEvent(string Signature, string Topic0)
{
    internal static DevchainEvent Of<TEvent>()
        where TEvent : IEventDTO
    {
        var abi = ABITypedRegistry.GetEvent<TEvent>();
        return new DevchainEvent(abi.Signature, abi.Sha3Signature.EnsureHexPrefix().ToLowerInvariant());
    }

    /// <summary>True when <paramref name="log"/> is one of this event's.</summary>
    public bool Matches(FilterLog log) =>
        log?.Topics is { Length: > 0 } topics && string.Equals(topics[0]?.ToString(), Topic0, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Event definitions of the devchain contracts and typed decoders for them (Nethereum's event decoding).</summary>
public static class DevchainEvents
{
    /// <summary><c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public static DevchainEvent Transfer { get; } = DevchainEvent.Of<TransferEventDto>();

    /// <summary><c>Approval(address indexed owner, address indexed spender, uint256 value)</c>.</summary>
    public static DevchainEvent Approval { get; } = DevchainEvent.Of<ApprovalEventDto>();

    /// <summary><c>TokenDeployed(bytes32 indexed salt, address indexed token, string ticker, string name)</c>.</summary>
    public static DevchainEvent TokenDeployed { get; } = DevchainEvent.Of<TokenDeployedEventDto>();

    /// <summary><c>EffectApplied(bytes32 indexed effect)</c>: the factory applied the effect in this transaction.</summary>
    public static DevchainEvent EffectApplied { get; } = DevchainEvent.Of<EffectAppliedEventDto>();

    /// <summary>Decodes a <c>Transfer</c> log, or returns null for any other log.</summary>
    public static TransferEvent? TryDecodeTransfer(FilterLog log)
    {
        if (!Transfer.Matches(log) || log.Topics.Length != 3)
        {
            return null;
        }

        var transfer = log.DecodeEvent<TransferEventDto>().Event;
        return new TransferEvent(EvmAddress.Parse(log.Address), EvmAddress.Parse(transfer.From), EvmAddress.Parse(transfer.To), transfer.Value, log.TransactionHash);
    }

    /// <summary>Decodes a <c>TokenDeployed</c> log, or returns null for any other log.</summary>
    public static TokenDeployedEvent? TryDecodeTokenDeployed(FilterLog log)
    {
        if (!TokenDeployed.Matches(log))
        {
            return null;
        }

        var deployed = log.DecodeEvent<TokenDeployedEventDto>().Event;
        return new TokenDeployedEvent(EvmAddress.Parse(log.Address), deployed.Salt, EvmAddress.Parse(deployed.Token), deployed.Ticker, deployed.Name,
            log.TransactionHash, (ulong)(log.BlockNumber?.Value ?? 0));
    }

    /// <summary>Decodes an <c>EffectApplied</c> log, or returns null for any other log.</summary>
    public static EffectId? TryDecodeEffectApplied(FilterLog log) =>
        EffectApplied.Matches(log) && log.Topics.Length == 2 ? EffectId.Parse(log.Topics[1].ToString()!) : null;
}
