using System.Collections.Concurrent;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace FloSandbox.Devchain.Rpc;

/// <summary>
/// Sends transactions from the node's unlocked accounts and returns their mined receipts in as few round
/// trips as the node allows: one <c>eth_sendTransactionSync</c> on Anvil (EIP-7966: the receipt comes back
/// with the send), otherwise <c>eth_sendTransaction</c> plus receipt look-ups. The node signs and assigns
/// the nonce, which measured faster than signing here (see bench/devchain). Sends from the same account are
/// serialized, because concurrent sends would be given the same nonce. A revert throws
/// <see cref="TransactionRevertedException"/> (or <see cref="EffectAlreadyAppliedException"/>) with the
/// reason recovered by replaying the call.
/// </summary>
public sealed class TransactionSender
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<EvmAddress, SemaphoreSlim> _senderLocks = new();
    private readonly TimeProvider _timeProvider;
    private volatile bool _syncUnsupported;

    /// <summary>Creates a sender over <paramref name="rpc"/>.</summary>
    public TransactionSender(DevchainRpcClient rpc, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        Rpc = rpc;
        Web3 = new Web3(rpc);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The client transactions go through.</summary>
    public DevchainRpcClient Rpc { get; }

    /// <summary>Nethereum's typed <c>eth_*</c> API over <see cref="Rpc"/>.</summary>
    public IWeb3 Web3 { get; }

    /// <summary>Sends <paramref name="transaction"/> (its <c>From</c> is required) and returns the mined receipt.</summary>
    /// <param name="transaction">The transaction; set <c>Gas</c> to skip the node's estimation.</param>
    /// <param name="description">What the transaction does, for error messages (e.g. <c>FloToken.mint</c>).</param>
    /// <param name="cancellationToken">Cancels the wait; a transaction already sent stays sent.</param>
    /// <exception cref="TransactionRevertedException">The transaction was mined with status 0.</exception>
    public async Task<TransactionReceipt> SendAsync(TransactionInput transaction, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var from = EvmAddress.TryParse(transaction.From, out var account)
            ? account
            : throw new ArgumentException("A transaction needs a From account.", nameof(transaction));
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

        if (receipt.Status?.Value != 1)
        {
            throw await RevertedAsync(transaction, receipt, description, cancellationToken).ConfigureAwait(false);
        }

        return receipt;
    }

    private async Task<TransactionReceipt> SendAndWaitAsync(TransactionInput transaction, CancellationToken cancellationToken)
    {
        if (!_syncUnsupported)
        {
            try
            {
                return await Rpc.SendRequestAsync<TransactionReceipt>("eth_sendTransactionSync", null, transaction)
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonRpcException ex) when (IsMethodMissing(ex))
            {
                _syncUnsupported = true;
            }
        }

        var hash = await Rpc.SendRequestAsync<string>("eth_sendTransaction", null, transaction).WaitAsync(cancellationToken).ConfigureAwait(false);
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
            var receipt = await Rpc.SendRequestAsync<TransactionReceipt?>("eth_getTransactionReceipt", null, hash)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
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

    /// <summary>The revert's reason comes from replaying the call on the state the transaction ran on.</summary>
    private async Task<TransactionRevertedException> RevertedAsync(
        TransactionInput transaction, TransactionReceipt receipt, string description, CancellationToken cancellationToken)
    {
        byte[]? data = null;
        string? reason = null;
        try
        {
            var block = receipt.BlockNumber.Value.IsZero ? receipt.BlockNumber : new HexBigInteger(receipt.BlockNumber.Value - 1);
            var call = new CallInput(transaction.Data, transaction.To, transaction.Value) { From = transaction.From, Gas = transaction.Gas };
            await Rpc.SendRequestAsync<string>("eth_call", null, call, block).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException ex)
        {
            (data, reason) = (ex.RevertData, ex.RevertReason ?? ex.RpcMessage);
        }

        return RevertReasons.IsEffectAlreadyApplied(data) is { } effect
            ? new EffectAlreadyAppliedException(description, receipt, data, reason, effect)
            : new TransactionRevertedException(description, receipt, data, reason);
    }

    private static bool IsMethodMissing(JsonRpcException ex) =>
        ex.Code == -32601
        || (ex.RpcMessage.Contains("method", StringComparison.OrdinalIgnoreCase)
            && (ex.RpcMessage.Contains("not found", StringComparison.OrdinalIgnoreCase)
                || ex.RpcMessage.Contains("not supported", StringComparison.OrdinalIgnoreCase)
                || ex.RpcMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase)));
}
