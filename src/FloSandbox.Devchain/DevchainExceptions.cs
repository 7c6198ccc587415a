using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain;

/// <summary>Base class of every failure the devchain layer reports.</summary>
public class DevchainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DevchainException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The node could not be reached or did not answer in time (process dead, connection refused, timeout, non-JSON reply).</summary>
public sealed class DevchainUnavailableException : DevchainException
{
    /// <summary>Creates the exception.</summary>
    public DevchainUnavailableException(Uri endpoint, string message, Exception? innerException = null)
        : base($"Devchain node at {endpoint} is unavailable: {message}", innerException) => Endpoint = endpoint;

    /// <summary>The JSON-RPC endpoint that failed.</summary>
    public Uri Endpoint { get; }
}

/// <summary>The node answered a JSON-RPC request with an error object (for example a revert in <c>eth_call</c>).</summary>
public sealed class JsonRpcException : DevchainException
{
    /// <summary>Creates the exception.</summary>
    public JsonRpcException(string method, int code, string rpcMessage, string? data, byte[]? revertData, string? revertReason)
        : base($"{method} failed with JSON-RPC error {code}: {rpcMessage}" + (revertReason is null ? string.Empty : $" (revert: {revertReason})"))
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
        RevertData = revertData;
        RevertReason = revertReason;
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (3 for reverts on Anvil and geth).</summary>
    public int Code { get; }

    /// <summary>The node's error message.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's <c>data</c> member as text (revert data is 0x-prefixed hex), if any.</summary>
    public string? ErrorData { get; }

    /// <summary>Raw revert data (selector + ABI-encoded arguments) when the error is a revert.</summary>
    public byte[]? RevertData { get; }

    /// <summary>Readable revert reason: the <c>Error(string)</c> message, <c>Panic(0x11)</c>, or a known custom error such as <c>NotOperator(0x…)</c>.</summary>
    public string? RevertReason { get; }

    /// <summary>True when the error carries revert data or a revert message.</summary>
    public bool IsRevert => RevertData is not null || Code == 3 || RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A transaction was mined but reverted (receipt status 0): nothing it would have done happened.</summary>
public class TransactionRevertedException : DevchainException
{
    /// <summary>Creates the exception.</summary>
    public TransactionRevertedException(string description, TransactionReceipt receipt, byte[]? revertData, string? revertReason)
        : base($"{description} reverted in transaction {receipt?.TransactionHash}" + (revertReason is null ? "." : $": {revertReason}."))
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Receipt = receipt;
        RevertData = revertData;
        RevertReason = revertReason;
    }

    /// <summary>The receipt of the reverted transaction (gas was still spent).</summary>
    public TransactionReceipt Receipt { get; }

    /// <summary>Revert data recovered by replaying the call, when available.</summary>
    public byte[]? RevertData { get; }

    /// <summary>Readable revert reason recovered by replaying the call, when available.</summary>
    public string? RevertReason { get; }
}

/// <summary>
/// The factory refused an effect it had already applied (<c>EffectAlreadyApplied(domain, index)</c>): the effect
/// happened once, in an earlier transaction (<see cref="Contracts.FloTokenFactoryContract.FindAppliedAsync"/>
/// finds it), and this transaction changed nothing. Callers settling again after a crash treat it as done.
/// </summary>
public sealed class EffectAlreadyAppliedException : TransactionRevertedException
{
    /// <summary>Creates the exception.</summary>
    public EffectAlreadyAppliedException(string description, TransactionReceipt receipt, byte[]? revertData, string? revertReason, Contracts.EffectId effect)
        : base(description, receipt, revertData, revertReason) => Effect = effect;

    /// <summary>The effect that was already applied.</summary>
    public Contracts.EffectId Effect { get; }
}

/// <summary>Anvil could not be found or started, or did not become ready in time.</summary>
public sealed class AnvilStartException : DevchainException
{
    /// <summary>Creates the exception.</summary>
    public AnvilStartException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The deterministic contracts are missing and cannot be deployed at their expected addresses.</summary>
public sealed class DevchainDeploymentException : DevchainException
{
    /// <summary>Creates the exception.</summary>
    public DevchainDeploymentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
