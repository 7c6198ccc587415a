using System.Numerics;
using FloSandbox.Devchain.Encoding;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// Turns revert data into a readable reason: <c>Error(string)</c>, <c>Panic(uint256)</c> or a custom error of
/// the devchain contracts, decoded with Nethereum from the embedded artifacts' ABIs.
/// </summary>
public static class RevertReasons
{
    private const string ErrorStringSelector = "0x08c379a0";
    private const string PanicSelector = "0x4e487b71";
    private static readonly FunctionCallDecoder Decoder = new();
    private static readonly Lazy<List<ErrorABI>> CustomErrors = new(() =>
        ContractArtifact.EmbeddedContractNames.SelectMany(name => ContractArtifact.Load(name).ContractAbi.Errors ?? []).ToList());

    private static readonly Lazy<ErrorABI> EffectAlreadyApplied = new(() => CustomErrors.Value.Single(e => e.Signature == "EffectAlreadyApplied(bytes32,uint256)"));

    /// <summary>Describes revert data; null when there is none (a bare <c>revert()</c>).</summary>
    public static string? Describe(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4)
        {
            return revertData.Length == 0 ? null : $"malformed revert data {revertData.ToArray().ToHex(true)}";
        }

        var hex = revertData.ToArray().ToHex(true);
        try
        {
            if (hex.StartsWith(ErrorStringSelector, StringComparison.Ordinal))
            {
                return Decoder.DecodeFunctionErrorMessage(hex);
            }

            if (hex.StartsWith(PanicSelector, StringComparison.Ordinal))
            {
                return $"Panic(0x{new BigInteger(revertData[4..], isUnsigned: true, isBigEndian: true):x2})";
            }

            if (CustomErrors.Value.FindErrorABIForExceptionData(hex) is { } error)
            {
                var values = error.DecodeErrorDataToDefault(hex);
                return $"{error.Name}({string.Join(", ", values.Select(v => Format(v.Parameter.Type, v.Result)))})";
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The selector matched but the arguments did not decode: fall through.
        }

        return $"custom error {hex[..10]}";
    }

    /// <summary>The effect of <c>EffectAlreadyApplied(domain, index)</c> revert data; null for any other revert.</summary>
    public static EffectId? IsEffectAlreadyApplied(byte[]? revertData)
    {
        if (revertData is not { Length: 4 + (2 * 32) } || !EffectAlreadyApplied.Value.IsExceptionEncodedDataForError(revertData.ToHex(true)))
        {
            return null;
        }

        var index = new BigInteger(revertData.AsSpan(4 + 32), isUnsigned: true, isBigEndian: true);
        return index <= ulong.MaxValue ? new EffectId(revertData.AsSpan(4, 32), (ulong)index) : null;
    }

    private static string Format(string type, object? value) => value switch
    {
        string s when type == "address" => EvmAddress.Parse(s).ToString(),
        string s => $"\"{s}\"",
        byte[] bytes => bytes.ToHex(true),
        _ => value?.ToString() ?? "null",
    };
}
