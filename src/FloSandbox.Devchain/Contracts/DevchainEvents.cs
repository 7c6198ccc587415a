using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
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

/// <summary>FloTokenFactory's <c>BatchCallDone</c>: call <paramref name="Call"/> of a batch ended; its logs come right before this one.</summary>
/// <param name="Call">The call's position in the batch.</param>
/// <param name="Ok">Whether the call stood (false: it reverted alone and left no logs).</param>
/// <param name="GasUsed">The call's own gas.</param>
/// <param name="RevertData">A reverted call's revert data; empty otherwise.</param>
public sealed record BatchCallDoneEvent(int Call, bool Ok, ulong GasUsed, byte[] RevertData);

/// <summary>An event of the devchain contracts: its canonical signature and first topic.</summary>
/// <param name="Signature">e.g. <c>Transfer(address,address,uint256)</c>.</param>
/// <param name="Topic0">keccak256 of the signature, 0x-prefixed lower-case hex: the first topic of each of its logs.</param>
public sealed record DevchainEvent(string Signature, string Topic0)
{
    /// <summary>True when <paramref name="log"/> is one of this event's.</summary>
    public bool Matches(FilterLog log) =>
        log?.Topics is { Length: > 0 } topics && string.Equals(topics[0]?.ToString(), Topic0, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Event definitions of the devchain contracts (from their artifacts' ABIs) and typed decoders for them (Nethereum's topic decoder).</summary>
public static class DevchainEvents
{
    private static readonly ContractEvent TransferAbi = ContractEvent.Of("MockStablecoin", "Transfer");
    private static readonly ContractEvent ApprovalAbi = ContractEvent.Of("MockStablecoin", "Approval");
    private static readonly ContractEvent TokenDeployedAbi = ContractEvent.Of("FloTokenFactory", "TokenDeployed");
    private static readonly ContractEvent EffectAppliedAbi = ContractEvent.Of("FloTokenFactory", "EffectApplied");
    private static readonly ContractEvent BatchCallDoneAbi = ContractEvent.Of("FloTokenFactory", "BatchCallDone");

    /// <summary><c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public static DevchainEvent Transfer { get; } = new(TransferAbi.Signature, TransferAbi.Topic0);

    /// <summary><c>Approval(address indexed owner, address indexed spender, uint256 value)</c>.</summary>
    public static DevchainEvent Approval { get; } = new(ApprovalAbi.Signature, ApprovalAbi.Topic0);

    /// <summary><c>TokenDeployed(bytes32 indexed salt, address indexed token, string ticker, string name)</c>.</summary>
    public static DevchainEvent TokenDeployed { get; } = new(TokenDeployedAbi.Signature, TokenDeployedAbi.Topic0);

    /// <summary><c>EffectApplied(bytes32 indexed domain, uint256 indexed index)</c>: the factory applied the effect in this transaction.</summary>
    public static DevchainEvent EffectApplied { get; } = new(EffectAppliedAbi.Signature, EffectAppliedAbi.Topic0);

    /// <summary><c>BatchCallDone(uint256 indexed call, bool ok, uint256 gasUsed, bytes revertData)</c>: one call of a factory batch ended.</summary>
    public static DevchainEvent BatchCallDone { get; } = new(BatchCallDoneAbi.Signature, BatchCallDoneAbi.Topic0);

    /// <summary>Decodes a <c>Transfer</c> log, or returns null for any other log.</summary>
    public static TransferEvent? TryDecodeTransfer(FilterLog log) =>
        TransferAbi.Decode(log) is { } values
            ? new TransferEvent(EvmAddress.Parse(log.Address), EvmAddress.Parse((string)values["from"]), EvmAddress.Parse((string)values["to"]),
                (BigInteger)values["value"], log.TransactionHash)
            : null;

    /// <summary>Decodes a <c>TokenDeployed</c> log, or returns null for any other log.</summary>
    public static TokenDeployedEvent? TryDecodeTokenDeployed(FilterLog log) =>
        TokenDeployedAbi.Decode(log) is { } values
            ? new TokenDeployedEvent(EvmAddress.Parse(log.Address), (byte[])values["salt"], EvmAddress.Parse((string)values["token"]),
                (string)values["ticker"], (string)values["name"], log.TransactionHash, (ulong)(log.BlockNumber?.Value ?? 0))
            : null;

    /// <summary>Decodes an <c>EffectApplied</c> log, or returns null for any other log (and for an index beyond 64 bits, which no <see cref="EffectId"/> has).</summary>
    public static EffectId? TryDecodeEffectApplied(FilterLog log) =>
        EffectAppliedAbi.Decode(log) is { } values && (BigInteger)values["index"] is var index && index <= ulong.MaxValue
            ? new EffectId((byte[])values["domain"], (ulong)index)
            : null;

    /// <summary>Decodes a <c>BatchCallDone</c> log, or returns null for any other log.</summary>
    public static BatchCallDoneEvent? TryDecodeBatchCallDone(FilterLog log) =>
        BatchCallDoneAbi.Decode(log) is { } values
            ? new BatchCallDoneEvent((int)(BigInteger)values["call"], (bool)values["ok"], (ulong)(BigInteger)values["gasUsed"], (byte[])values["revertData"])
            : null;
}
