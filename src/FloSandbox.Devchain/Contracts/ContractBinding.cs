using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// Base of the typed contract bindings: a deployed address, reads (one <c>eth_call</c>) and writes (sent by the
/// <see cref="TransactionSender"/>) encoded and decoded by Nethereum from the compiled contracts' ABIs.
/// </summary>
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
        AddressHex = address.ToLowerHex();
    }

    /// <summary>The contract's address.</summary>
    public EvmAddress Address { get; }

    /// <summary>The sender used for writes (and its client for reads).</summary>
    public TransactionSender Sender { get; }

    /// <summary>The address as Nethereum takes it (lower-case hex).</summary>
    protected string AddressHex { get; }

    /// <summary>Nethereum's typed <c>eth_*</c> API for the contract's chain.</summary>
    private protected Nethereum.Web3.IWeb3 Web3 => Sender.Web3;

    /// <summary>Contract name used in error messages.</summary>
    protected abstract string ContractName { get; }

    /// <summary>Runs a view function with <c>eth_call</c> and decodes its single return value.</summary>
    private protected async Task<T> CallAsync<T>(ContractFunction function, object[] arguments, CancellationToken cancellationToken)
    {
        var output = await Sender.Rpc.SendRequestAsync<string>("eth_call", null, new CallInput(function.Encode(arguments), AddressHex), BlockParameter.CreateLatest())
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return function.Decode<T>(output);
    }

    /// <summary>Sends a transaction calling <paramref name="function"/> from <paramref name="from"/> with a fixed gas limit; returns the receipt.</summary>
    private protected Task<TransactionReceipt> SendAsync(EvmAddress from, ContractFunction function, ulong gas, object[] arguments, CancellationToken cancellationToken) =>
        Sender.SendAsync(
            new TransactionInput { From = from.ToLowerHex(), To = AddressHex, Data = function.Encode(arguments), Gas = new HexBigInteger(gas) },
            $"{ContractName}.{function.Name} on {Address}",
            cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{ContractName} at {Address}";
}
