using System.Collections.Concurrent;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Rpc;

/// <summary>
/// Sends transactions from unlocked accounts and returns their mined receipts in as few round trips
/// as the node allows: one <c>eth_sendTransactionSync</c> on Anvil, otherwise
/// <c>eth_sendTransaction</c> plus receipt look-ups. Sends from the same account are serialized,
/// because concurrent sends would be given the same nonce by the node. Reverts throw
/// <see cref="TransactionRevertedException"/> with the reason recovered by replaying the call.
/// </summary>
public sealed class TransactionSender
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<EvmAddress, SemaphoreSlim> _senderLocks = new();
    private readonly TimeProvider _timeProvider;
    private volatile bool _syncUnsupported;

    /// <summary>Creates a sender over <paramref name="rpc"/>.</summary>
    public TransactionSender(JsonRpcClient rpc, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        Rpc = rpc;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The client transactions go through.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>Sends <paramref name="transaction"/> (its <c>From</c> is required) and returns the mined receipt.</summary>
    /// <param name="transaction">The transaction; set <c>Gas</c> to skip the node's estimation.</param>
    /// <param name="description">What the transaction does, for error messages (e.g. <c>FloToken.mint</c>).</param>
    /// <param name="cancellationToken">Cancels the wait; a transaction already sent stays sent.</param>
    /// <exception cref="TransactionRevertedException">The transaction was mined with status 0.</exception>
    public async Task<TransactionReceipt> SendAsync(TransactionRequest transaction, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var from = transaction.From ?? throw new ArgumentException("A transaction needs a From account.", nameof(transaction));
        var gate = _senderLocks.GetOrAdd(from, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        TransactionReceipt receipt;
        try
        {
            receipt = await SendAndWaitAsync(transaction, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        if (!receipt.Succeeded)
        {
            var (data, reason) = await ReplayRevertAsync(transaction, receipt, cancellationToken).ConfigureAwait(false);
            throw new TransactionRevertedException(description, receipt, data, reason);
        }

        return receipt;
    }

    private async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest transaction, CancellationToken cancellationToken)
    {
        if (!_syncUnsupported)
        {
            try
            {
                return await Rpc.SendTransactionSyncAsync(transaction, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonRpcException ex) when (IsMethodMissing(ex))
            {
                _syncUnsupported = true;
            }
        }

        var hash = await Rpc.SendTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        return await WaitForReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TransactionReceipt> WaitForReceiptAsync(string hash, CancellationToken cancellationToken)
    {
        // Automining nodes have the receipt within a millisecond or two: retry at once a few times,
        // then back off gently for nodes that mine on an interval.
        var started = _timeProvider.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(1);
        for (var attempt = 0; ; attempt++)
        {
            if (await Rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                return receipt;
            }

            if (_timeProvider.GetElapsedTime(started) > ReceiptTimeout)
            {
                throw new DevchainUnavailableException(Rpc.Endpoint, $"transaction {hash} was not mined within {ReceiptTimeout.TotalSeconds:0} s");
            }

            if (attempt < 8)
            {
                await Task.Yield();
                continue;
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
        }
    }

    private async Task<(byte[]? Data, string? Reason)> ReplayRevertAsync(TransactionRequest transaction, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            var parentBlock = BlockTag.Number(receipt.BlockNumber == 0 ? 0 : receipt.BlockNumber - 1);
            await Rpc.EthCallAsync(transaction with { Nonce = null }, parentBlock, cancellationToken).ConfigureAwait(false);
            return (null, null);
        }
        catch (JsonRpcException ex)
        {
            return (ex.RevertData, ex.RevertReason ?? ex.RpcMessage);
        }
    }

    private static bool IsMethodMissing(JsonRpcException ex) =>
        ex.Code == -32601
        || (ex.RpcMessage.Contains("method", StringComparison.OrdinalIgnoreCase)
            && (ex.RpcMessage.Contains("not found", StringComparison.OrdinalIgnoreCase)
                || ex.RpcMessage.Contains("not supported", StringComparison.OrdinalIgnoreCase)
                || ex.RpcMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase)));
}
