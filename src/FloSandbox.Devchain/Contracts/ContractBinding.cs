using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain.Contracts;

/// <summary>Base of the typed contract bindings: a deployed address plus call and send helpers.</summary>
public abstract class ContractBinding
{
    /// <summary>Gas limit for plain token writes; generous, so the node never has to estimate.</summary>
    protected const ulong TokenWriteGas = 200_000;

    /// <summary>Creates a binding for the contract at <paramref name="address"/>.</summary>
    protected ContractBinding(TransactionSender sender, EvmAddress address)
    {
        ArgumentNullException.ThrowIfNull(sender);
        Sender = sender;
        Address = address;
    }

    /// <summary>The contract's address.</summary>
    public EvmAddress Address { get; }

    /// <summary>The sender used for writes (and its client for reads).</summary>
    public TransactionSender Sender { get; }

    /// <summary>Contract name used in error messages.</summary>
    protected abstract string ContractName { get; }

    /// <summary>Runs a view function with <c>eth_call</c> and decodes its single return value.</summary>
    protected async Task<T> CallAsync<T>(AbiFunction function, object?[] arguments, CancellationToken cancellationToken)
    {
        var data = await Sender.Rpc.EthCallAsync(new TransactionRequest(To: Address, Data: function.EncodeCall(arguments)), BlockTag.Latest, cancellationToken)
            .ConfigureAwait(false);
        return function.DecodeSingle<T>(data);
    }

    /// <summary>Sends a transaction calling <paramref name="function"/> from <paramref name="from"/> with a fixed gas limit; returns the receipt.</summary>
    protected Task<TransactionReceipt> SendAsync(EvmAddress from, AbiFunction function, ulong gas, object?[] arguments, CancellationToken cancellationToken) =>
        Sender.SendAsync(
            new TransactionRequest(From: from, To: Address, Data: function.EncodeCall(arguments), Gas: gas),
            $"{ContractName}.{function.Name} on {Address}",
            cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{ContractName} at {Address}";
}
