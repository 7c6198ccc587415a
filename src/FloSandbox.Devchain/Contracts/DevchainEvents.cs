using System.Numerics;
using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;

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
public sealed record TokenDeployedEvent(EvmAddress Factory, byte[] Salt, EvmAddress Token, string Ticker, string Name);

/// <summary>Event definitions of the devchain contracts and typed decoders for them.</summary>
public static class DevchainEvents
{
    /// <summary><c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public static AbiEvent Transfer { get; } = new("Transfer(address indexed from, address indexed to, uint256 value)");

    /// <summary><c>Approval(address indexed owner, address indexed spender, uint256 value)</c>.</summary>
    public static AbiEvent Approval { get; } = new("Approval(address indexed owner, address indexed spender, uint256 value)");

    /// <summary><c>TokenDeployed(bytes32 indexed salt, address indexed token, string ticker, string name)</c>.</summary>
    public static AbiEvent TokenDeployed { get; } = new("TokenDeployed(bytes32 indexed salt, address indexed token, string ticker, string name)");

    /// <summary>Decodes a <c>Transfer</c> log, or returns null for any other log.</summary>
    public static TransferEvent? TryDecodeTransfer(LogEntry log)
    {
        if (!Transfer.Matches(log) || log.Topics.Count != 3)
        {
            return null;
        }

        var values = Transfer.Decode(log);
        return new TransferEvent(log.Address, (EvmAddress)values["from"]!, (EvmAddress)values["to"]!, (BigInteger)values["value"]!, log.TransactionHash);
    }

    /// <summary>Decodes a <c>TokenDeployed</c> log, or returns null for any other log.</summary>
    public static TokenDeployedEvent? TryDecodeTokenDeployed(LogEntry log)
    {
        if (!TokenDeployed.Matches(log))
        {
            return null;
        }

        var values = TokenDeployed.Decode(log);
        return new TokenDeployedEvent(log.Address, (byte[])values["salt"]!, (EvmAddress)values["token"]!, (string)values["ticker"]!, (string)values["name"]!);
    }
}
