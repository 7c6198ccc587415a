using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain.Abi;

/// <summary>One parameter of an event.</summary>
/// <param name="Name">Parameter name, the key in decoded values.</param>
/// <param name="Type">ABI type.</param>
/// <param name="Indexed">True when the value travels as a topic. Indexed dynamic values decode to their 32-byte keccak hash.</param>
public sealed record AbiEventParameter(string Name, AbiType Type, bool Indexed);

/// <summary>A contract event: topic0 and the split between indexed topics and ABI-encoded data.</summary>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;

    /// <summary>Parses a declaration such as <c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public AbiEvent(string declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var open = declaration.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !declaration.EndsWith(')'))
        {
            throw new FormatException($"Not an event declaration: '{declaration}'.");
        }

        Name = declaration[..open].Trim();
        var body = declaration[(open + 1)..^1];
        Parameters = string.IsNullOrWhiteSpace(body) ? [] : body.Split(',').Select(ParseParameter).ToArray();
        Signature = $"{Name}({string.Join(',', Parameters.Select(p => p.Type.Name))})";
        Topic0 = Hex.Encode(Keccak256.Hash(Signature));
        _dataTypes = Parameters.Where(p => !p.Indexed).Select(p => p.Type).ToArray();
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>keccak256 of the signature as 0x-prefixed lower-case hex: the first topic of every log of this event.</summary>
    public string Topic0 { get; }

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<AbiEventParameter> Parameters { get; }

    /// <summary>True when the log's first topic is this event's <see cref="Topic0"/>.</summary>
    public bool Matches(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Topics.Count > 0 && string.Equals(log.Topics[0], Topic0, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Decodes a log of this event into parameter name → value.</summary>
    /// <exception cref="FormatException">The log is not this event, or its topics or data are malformed.</exception>
    public IReadOnlyDictionary<string, object?> Decode(LogEntry log)
    {
        if (!Matches(log))
        {
            throw new FormatException($"Log is not a {Signature} event.");
        }

        var indexedCount = Parameters.Count(p => p.Indexed);
        if (log.Topics.Count != indexedCount + 1)
        {
            throw new FormatException($"{Signature} has {indexedCount} indexed parameters but the log has {log.Topics.Count - 1} topics.");
        }

        var data = AbiDecoder.DecodeTuple(_dataTypes, log.Data.Span);
        var values = new Dictionary<string, object?>(Parameters.Count, StringComparer.Ordinal);
        int topic = 1, dataIndex = 0;
        foreach (var parameter in Parameters)
        {
            if (!parameter.Indexed)
            {
                values[parameter.Name] = data[dataIndex++];
                continue;
            }

            var word = Hex.Decode(log.Topics[topic++]);
            if (word.Length != 32)
            {
                throw new FormatException($"Topic of {parameter.Name} is not 32 bytes.");
            }

            values[parameter.Name] = parameter.Type.IsDynamic ? word : AbiDecoder.DecodeStatic(parameter.Type, word);
        }

        return values;
    }

    private static AbiEventParameter ParseParameter(string text, int position)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var indexed = parts.Length > 1 && parts[1] == "indexed";
        var nameIndex = indexed ? 2 : 1;
        if (parts.Length == 0 || parts.Length > nameIndex + 1)
        {
            throw new FormatException($"Not an event parameter: '{text}'.");
        }

        var name = parts.Length > nameIndex ? parts[nameIndex] : $"arg{position}";
        return new AbiEventParameter(name, AbiType.Parse(parts[0]), indexed);
    }

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
