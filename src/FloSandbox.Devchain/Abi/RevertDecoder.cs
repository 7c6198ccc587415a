using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Abi;

/// <summary>Turns revert data into a readable reason: <c>Error(string)</c>, <c>Panic(uint256)</c> or a custom error of our contracts.</summary>
public static class RevertDecoder
{
    private static readonly AbiFunction ErrorString = new("Error(string)");
    private static readonly AbiFunction Panic = new("Panic(uint256)");
    private static readonly Lazy<IReadOnlyDictionary<uint, AbiFunction>> CustomErrors = new(LoadCustomErrors);

    /// <summary>Describes revert data; null when there is none (a bare <c>revert()</c>).</summary>
    public static string? Describe(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4)
        {
            return revertData.Length == 0 ? null : $"malformed revert data {Hex.Encode(revertData)}";
        }

        var selector = SelectorOf(revertData);
        var arguments = revertData[4..];
        try
        {
            if (selector == SelectorOf(ErrorString.Selector))
            {
                return AbiCodec.Decode(ErrorString.Inputs, arguments)[0] as string;
            }

            if (selector == SelectorOf(Panic.Selector))
            {
                return $"Panic(0x{(BigInteger)AbiCodec.Decode(Panic.Inputs, arguments)[0]!:x2})";
            }

            if (CustomErrors.Value.TryGetValue(selector, out var error))
            {
                var values = AbiCodec.Decode(error.Inputs, arguments);
                return $"{error.Name}({string.Join(", ", values.Select(Format))})";
            }
        }
        catch (FormatException)
        {
            // Fall through: the selector matched but the arguments did not decode.
        }

        return $"custom error {Hex.Encode(revertData[..4])}";
    }

    private static uint SelectorOf(ReadOnlySpan<byte> data) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data);

    private static string Format(object? value) => value switch
    {
        string s => $"\"{s}\"",
        byte[] bytes => Hex.Encode(bytes),
        _ => value?.ToString() ?? "null",
    };

    private static IReadOnlyDictionary<uint, AbiFunction> LoadCustomErrors()
    {
        var errors = new Dictionary<uint, AbiFunction>();
        foreach (var name in ContractArtifact.EmbeddedContractNames)
        {
            foreach (var signature in ContractArtifact.Load(name).ErrorSignatures())
            {
                var error = new AbiFunction(signature);
                errors.TryAdd(SelectorOf(error.Selector), error);
            }
        }

        return errors;
    }
}
