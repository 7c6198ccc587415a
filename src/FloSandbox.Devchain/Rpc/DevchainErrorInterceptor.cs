using FloSandbox.Devchain.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;

namespace FloSandbox.Devchain.Rpc;

/// <summary>
/// Turns what Nethereum throws for one request into the devchain's exceptions, in one place for every
/// call made through a <see cref="DevchainRpcClient"/> (Web3, contract handlers and plain requests alike):
/// an error reply becomes <see cref="JsonRpcException"/> (with revert data and reason when the node gives
/// them), anything that kept the node from answering becomes <see cref="DevchainUnavailableException"/>.
/// </summary>
internal sealed class DevchainErrorInterceptor(Uri endpoint, TimeSpan timeout) : RequestInterceptor
{
    public override async Task<object> InterceptSendRequestAsync<T>(
        Func<RpcRequest, string, Task<T>> interceptedSendRequestAsync, RpcRequest request, string route = null!)
    {
        try
        {
            return (await interceptedSendRequestAsync(request, route).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (Translate(request.Method, ex) is { } translated)
        {
            throw translated;
        }
    }

    public override async Task InterceptSendRequestAsync(
        Func<RpcRequest, string, Task> interceptedSendRequestAsync, RpcRequest request, string route = null!)
    {
        try
        {
            await interceptedSendRequestAsync(request, route).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(request.Method, ex) is { } translated)
        {
            throw translated;
        }
    }

    public override async Task<object> InterceptSendRequestAsync<T>(
        Func<string, string, object[], Task<T>> interceptedSendRequestAsync, string method, string route = null!, params object[] paramList)
    {
        try
        {
            return (await interceptedSendRequestAsync(method, route, paramList).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (Translate(method, ex) is { } translated)
        {
            throw translated;
        }
    }

    public override async Task InterceptSendRequestAsync(
        Func<string, string, object[], Task> interceptedSendRequestAsync, string method, string route = null!, params object[] paramList)
    {
        try
        {
            await interceptedSendRequestAsync(method, route, paramList).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(method, ex) is { } translated)
        {
            throw translated;
        }
    }

    private DevchainException? Translate(string method, Exception ex) => ex switch
    {
        RpcResponseException reply => FromReply(method, reply.RpcError),
        RpcClientTimeoutException => new DevchainUnavailableException(endpoint, $"no answer to {method} within {timeout.TotalSeconds:0.#} s", ex),
        RpcClientUnknownException { InnerException: TaskCanceledException } =>
            new DevchainUnavailableException(endpoint, $"no answer to {method} within {timeout.TotalSeconds:0.#} s", ex),
        RpcClientUnknownException => new DevchainUnavailableException(endpoint, (ex.InnerException ?? ex).Message, ex),
        RpcResponseFormatException => new DevchainUnavailableException(endpoint, $"unexpected {method} result: {ex.InnerException?.Message}", ex),
        _ => null,
    };

    private static JsonRpcException FromReply(string method, RpcError error)
    {
        // Nethereum appends ": <method>" to the node's message.
        var message = error.Message.EndsWith(": " + method, StringComparison.Ordinal) ? error.Message[..^(method.Length + 2)] : error.Message;
        var data = error.Data is null ? null : error.GetDataAsString();
        var revertData = data is not null && data.StartsWith("0x", StringComparison.Ordinal) && data.IsHex() && data.Length % 2 == 0
            ? data.HexToByteArray()
            : null;
        return new JsonRpcException(method, error.Code, message, data, revertData, revertData is null ? null : RevertReasons.Describe(revertData));
    }
}
