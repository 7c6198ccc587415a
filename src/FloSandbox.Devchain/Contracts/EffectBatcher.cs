using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// Sends the factory's effect calls from the owner, one transaction at a time (the owner's nonce takes them one by one
/// anyway), and puts every call that arrived while a transaction was on its way into the next one: a single call goes
/// as itself, several as one <c>batch(calls, gasLimits)</c> whose calls stand or revert each on its own. So concurrent
/// orders share transactions instead of queueing one each, and a lone order's transaction is what it always was.
/// </summary>
internal sealed class EffectBatcher(TransactionSender sender, EvmAddress factory, EvmAddress owner)
{
    /// <summary>Gas limits of one batch's calls together: under the 30 million of a default block.</summary>
    public const ulong MaxBatchGas = 24_000_000;

    /// <summary>Calls in one batch at most.</summary>
    public const int MaxBatchCalls = 100;

    private static readonly ContractFunction Batch = ContractFunction.Of("FloTokenFactory", "batch(bytes[],uint256[])");
    private readonly Lock _lock = new();
    private readonly Queue<PendingCall> _queue = new();
    private bool _draining;

    /// <summary>Sends <paramref name="data"/> (a call of the factory) with at most <paramref name="gas"/>; returns its receipt, or its slice of a batch's.</summary>
    /// <exception cref="EffectAlreadyAppliedException">The call's effect was applied before; nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">The call reverted; nothing it would have done happened.</exception>
    public Task<TransactionReceipt> SendAsync(string data, ulong gas, string description, CancellationToken cancellationToken)
    {
        var call = new PendingCall(data, gas, description, cancellationToken);
        bool lead;
        lock (_lock)
        {
            _queue.Enqueue(call);
            lead = !_draining;
            _draining = true;
        }

        if (lead)
        {
            _ = DrainAsync();
        }

        return call.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<PendingCall> calls;
            lock (_lock)
            {
                calls = Take();
                if (calls.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                await (calls.Count == 1 ? SendOneAsync(calls[0]) : SendBatchAsync(calls)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The node did not answer (or answered nonsense): every caller of this transaction learns it, and a caller
                // that tries again is safe, because the factory applies each effect once.
                foreach (var call in calls)
                {
                    call.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>The calls of the next transaction, in arrival order; a call whose caller gave up before it was sent is dropped.</summary>
    private List<PendingCall> Take()
    {
        var calls = new List<PendingCall>();
        var gas = 0UL;
        while (_queue.TryPeek(out var next) && calls.Count < MaxBatchCalls && (calls.Count == 0 || gas + next.Gas <= MaxBatchGas))
        {
            _queue.Dequeue();
            if (next.CancellationToken.IsCancellationRequested)
            {
                next.Done.TrySetCanceled(next.CancellationToken);
                continue;
            }
            calls.Add(next);
            gas += next.Gas;
        }
        return calls;
    }

    private async Task SendOneAsync(PendingCall call)
    {
        try
        {
            call.Done.TrySetResult(await sender.SendAsync(Transaction(call.Data, call.Gas), call.Description).ConfigureAwait(false));
        }
        catch (TransactionRevertedException ex)
        {
            call.Done.TrySetException(ex);
        }
    }

    private async Task SendBatchAsync(List<PendingCall> calls)
    {
        var data = Batch.Encode(calls.Select(c => c.Data.HexToByteArray()).ToList(), calls.Select(c => new BigInteger(c.Gas)).ToList());
        var bytes = (data.Length - 2) / 2;
        var gas = calls.Aggregate(0UL, (sum, c) => sum + c.Gas) + 60_000 + (20_000 * (ulong)calls.Count) + (16 * (ulong)bytes);
        TransactionReceipt receipt;
        try
        {
            receipt = await sender.SendAsync(Transaction(data, gas), $"FloTokenFactory.batch of {calls.Count} calls on {factory}").ConfigureAwait(false);
        }
        catch (TransactionRevertedException)
        {
            // The batch itself reverted (it never should: every call is guarded on its own): send the calls one by one.
            foreach (var call in calls)
            {
                await SendOneAsync(call).ConfigureAwait(false);
            }
            return;
        }

        var results = BatchReceipts.Split(receipt, factory);
        for (var i = 0; i < calls.Count; i++)
        {
            if (results.FirstOrDefault(r => r.Done.Call == i) is not { } result)
            {
                calls[i].Done.TrySetException(new DevchainException($"Batch transaction {receipt.TransactionHash} did not report call {i} ({calls[i].Description})."));
            }
            else if (result.Done.Ok)
            {
                calls[i].Done.TrySetResult(result.Receipt);
            }
            else
            {
                calls[i].Done.TrySetException(Reverted(calls[i].Description, result));
            }
        }
    }

    private static TransactionRevertedException Reverted(string description, BatchCall result)
    {
        var data = result.Done.RevertData;
        var reason = RevertReasons.Describe(data);
        return RevertReasons.IsEffectAlreadyApplied(data) is { } effect
            ? new EffectAlreadyAppliedException(description, result.Receipt, data, reason, effect)
            : new TransactionRevertedException(description, result.Receipt, data.Length == 0 ? null : data, reason);
    }

    private TransactionInput Transaction(string data, ulong gas) =>
        new() { From = owner.ToLowerHex(), To = factory.ToLowerHex(), Data = data, Gas = new HexBigInteger(gas) };

    private sealed record PendingCall(string Data, ulong Gas, string Description, CancellationToken CancellationToken)
    {
        /// <summary>Callers resume on the sending loop's thread (each until its next await) rather than one thread-pool hop each; a caller
        /// that sends again only queues, since the loop is draining.</summary>
        public TaskCompletionSource<TransactionReceipt> Done { get; } = new();
    }
}
