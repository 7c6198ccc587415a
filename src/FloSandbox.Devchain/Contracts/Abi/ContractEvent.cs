using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts.Abi;

/// <summary>One event of a compiled contract, as its artifact's ABI declares it, decoded by Nethereum's topic decoder.</summary>
internal sealed class ContractEvent
{
    private readonly EventABI _abi;

    private ContractEvent(EventABI abi)
    {
        _abi = abi;
        Topic0 = abi.Sha3Signature.EnsureHexPrefix().ToLowerInvariant();
    }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature => _abi.Signature;

    /// <summary>keccak256 of the signature, 0x-prefixed lower-case hex.</summary>
    public string Topic0 { get; }

    /// <summary>The event of <paramref name="contract"/>'s embedded artifact named <paramref name="name"/>.</summary>
    public static ContractEvent Of(string contract, string name) =>
        new(ContractArtifact.Load(contract).ContractAbi.Events.SingleOrDefault(e => e.Name == name)
            ?? throw new InvalidOperationException($"{contract} has no event {name}."));

    /// <summary>True when the log's first topic is this event's.</summary>
    public bool Matches(FilterLog log) =>
        log?.Topics is { Length: > 0 } topics && string.Equals(topics[0]?.ToString(), Topic0, StringComparison.OrdinalIgnoreCase);

    /// <summary>The log's parameters by name (indexed ones from the topics, the rest from the data); null for another event's log.</summary>
    public IReadOnlyDictionary<string, object>? Decode(FilterLog log) =>
        Matches(log) && log.Topics.Length == 1 + _abi.NumberOfIndexes
            ? _abi.DecodeEventDefaultTopics(log).Event.ToDictionary(p => p.Parameter.Name, p => p.Result)
            : null;
}
