using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>One call of a factory batch, as its transaction's receipt shows it.</summary>
/// <param name="Done">The call's <c>BatchCallDone</c>: whether it stood, its gas, a revert's data.</param>
/// <param name="Receipt">
/// The receipt as if the call had been a transaction of its own: the batch's hash and block, only the call's logs,
/// status 1 when it stood, and its own gas plus an equal share of what the batch spent around its calls.
/// </param>
public sealed record BatchCall(BatchCallDoneEvent Done, TransactionReceipt Receipt);

/// <summary>
/// Splits the receipt of a <c>FloTokenFactory.batch</c> transaction into its calls: each call's logs come right
/// before its <c>BatchCallDone</c> log (a reverted call leaves none).
/// </summary>
public static class BatchReceipts
{
    /// <summary>The calls of a batch receipt from <paramref name="factory"/>, in order; empty when the receipt is not a batch's.</summary>
    public static IReadOnlyList<BatchCall> Split(TransactionReceipt receipt, Encoding.EvmAddress factory)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var calls = new List<(BatchCallDoneEvent Done, FilterLog[] Logs)>();
        var current = new List<FilterLog>();
        foreach (var log in receipt.Logs ?? [])
        {
            if (Encoding.EvmAddress.TryParse(log.Address, out var emitter) && emitter == factory && DevchainEvents.TryDecodeBatchCallDone(log) is { } done)
            {
                calls.Add((done, current.ToArray()));
                current.Clear();
                continue;
            }
            current.Add(log);
        }

        if (calls.Count == 0)
        {
            return [];
        }

        var own = calls.Aggregate(0UL, (sum, call) => sum + call.Done.GasUsed);
        var total = (ulong)receipt.GasUsed.Value;
        var share = (total - Math.Min(total, own)) / (ulong)calls.Count;
        return calls.Select(call => new BatchCall(call.Done, Slice(receipt, call.Logs, call.Done.GasUsed + share, call.Done.Ok))).ToArray();
    }

    /// <summary>
    /// The call of <paramref name="receipt"/> that applied <paramref name="effect"/> (its logs hold the effect's
    /// <c>EffectApplied</c>); the receipt itself when it is not a batch's.
    /// </summary>
    public static TransactionReceipt CallApplying(TransactionReceipt receipt, Encoding.EvmAddress factory, EffectId effect)
    {
        var calls = Split(receipt, factory);
        return calls.Count == 0
            ? receipt
            : calls.FirstOrDefault(call => call.Receipt.Logs.Any(log => DevchainEvents.TryDecodeEffectApplied(log) == effect))?.Receipt
                ?? throw new DevchainException($"Batch transaction {receipt.TransactionHash} has no call that applied effect {effect}.");
    }

    private static TransactionReceipt Slice(TransactionReceipt receipt, FilterLog[] logs, ulong gasUsed, bool ok) => new()
    {
        TransactionHash = receipt.TransactionHash,
        TransactionIndex = receipt.TransactionIndex,
        BlockHash = receipt.BlockHash,
        BlockNumber = receipt.BlockNumber,
        From = receipt.From,
        To = receipt.To,
        CumulativeGasUsed = receipt.CumulativeGasUsed,
        EffectiveGasPrice = receipt.EffectiveGasPrice,
        ContractAddress = receipt.ContractAddress,
        Type = receipt.Type,
        GasUsed = new HexBigInteger(gasUsed),
        Status = new HexBigInteger(ok ? 1 : 0),
        Logs = logs,
    };
}
