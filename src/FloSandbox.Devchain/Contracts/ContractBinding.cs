using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Contracts.QueryHandlers;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// Base of the typed contract bindings: a deployed address, reads through Nethereum's contract query
/// handlers (one <c>eth_call</c>), and writes encoded by Nethereum and sent by the <see cref="TransactionSender"/>.
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
    private protected Task<TReturn> CallAsync<TFunction, TReturn>(TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        new QueryToSimpleTypeHandler<TFunction, TReturn>(Sender.Rpc).QueryAsync(AddressHex, function).WaitAsync(cancellationToken);

    /// <summary>Runs a view function with <c>eth_call</c> and decodes its return values into <typeparamref name="TOutput"/>.</summary>
    private protected Task<TOutput> CallForOutputAsync<TFunction, TOutput>(TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
        where TOutput : IFunctionOutputDTO, new() =>
        new QueryToDTOHandler<TFunction, TOutput>(Sender.Rpc).QueryAsync(AddressHex, function).WaitAsync(cancellationToken);

    /// <summary>Sends a transaction calling <paramref name="function"/> from <paramref name="from"/> with a fixed gas limit; returns the receipt.</summary>
    private protected Task<TransactionReceipt> SendAsync<TFunction>(EvmAddress from, TFunction function, ulong gas, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        Sender.SendAsync(
            new TransactionInput { From = from.ToLowerHex(), To = AddressHex, Data = function.GetCallData().ToHex(true), Gas = new HexBigInteger(gas) },
            $"{ContractName}.{ABITypedRegistry.GetFunctionABI<TFunction>().Name} on {Address}",
            cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{ContractName} at {Address}";
}
