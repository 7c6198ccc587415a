using System.Net;
using System.Net.Sockets;

namespace FloSandbox.Flo.Webhooks;

/// The webhook client's only way to open a connection (its <see cref="SocketsHttpHandler.ConnectCallback"/>):
/// resolves the host itself, lets <see cref="WebhookUrlPolicy"/> judge every address, and connects only to
/// the addresses it judged. So scheduled attempts, replays and test deliveries are checked at the moment they
/// connect, and a name that resolved to a receiver when the subscription was made cannot be rebound to an
/// internal address later.
public sealed class WebhookConnector(WebhookUrlPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await policy.ResolveForConnectAsync(host, port, ct);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
