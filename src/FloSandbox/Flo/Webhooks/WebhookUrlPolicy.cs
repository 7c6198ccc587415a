using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// Where webhooks may go: absolute http(s) URLs whose host resolves only to allowed addresses. An address
/// is refused when <see cref="WebhookAddressRules"/> refuses it, or when it is one of the sandbox's own
/// listeners (a loopback, wildcard or own-interface address on a port the server listens on). The same
/// judgement runs when a subscription or replay URL is given (a precise 400) and again on every connection
/// (<see cref="WebhookConnector"/>), because DNS may answer differently by then.
public sealed class WebhookUrlPolicy(IServer server, IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
{
    public const int MaxLength = 2048;

    /// Checks the URL's form and, as far as its host resolves now, where it leads. A name that does not
    /// resolve yet is accepted: the receiver may not exist yet, and every attempt checks again.
    public async Task<Uri> ValidateAsync(string? url, string param, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw FloException.Invalid(param,
                $"{param} must be an absolute http:// or https:// URL of at most {MaxLength} characters; got '{Truncate(url)}'.");
        }
        IPAddress[] addresses;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.AttemptTimeout);
        try
        {
            addresses = await resolver.ResolveAsync(uri.IdnHost, deadline.Token);
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return uri;
        }
        catch (ArgumentException)
        {
            throw FloException.Invalid(param, $"{param} host '{Truncate(uri.IdnHost)}' is not a valid host name (at most 255 characters, labels of at most 63).");
        }
        if (Judge(addresses, uri.Port) is { } refusal)
        {
            throw FloException.Invalid(param, refusal.Self
                ? $"{param} '{uri.GetLeftPart(UriPartial.Authority)}' is this sandbox's own listening address ({refusal.Address}); deliveries to it would loop back into the API. Point the webhook at your receiver instead."
                : $"{param} '{uri.GetLeftPart(UriPartial.Authority)}' leads to {refusal.Address}, {refusal.Reason}. Webhooks may go to public, private-network (10/8, 172.16/12, 192.168/16) or loopback addresses only.");
        }
        return uri;
    }

    /// The addresses a delivery to host:port may connect to; throws <see cref="WebhookTargetRefusedException"/>
    /// when any of them is refused (a name that mixes allowed and refused answers is refused as a whole).
    public async Task<IPAddress[]> ResolveForConnectAsync(string host, int port, CancellationToken ct)
    {
        var addresses = await resolver.ResolveAsync(host, ct);
        if (Judge(addresses, port) is { } refusal)
        {
            throw new WebhookTargetRefusedException(refusal.Self
                ? $"Refused to connect to {host}: {refusal.Address} port {port} is this sandbox's own listener."
                : $"Refused to connect to {host}: {refusal.Address} is {refusal.Reason}; webhooks never go there.");
        }
        return addresses;
    }

    private sealed record Refusal(IPAddress Address, string Reason, bool Self);

    private Refusal? Judge(IPAddress[] addresses, int port)
    {
        foreach (var address in addresses)
        {
            if (IsOwnListener(WebhookAddressRules.Canonical(address), port))
            {
                return new Refusal(address, "", Self: true);
            }
            if (WebhookAddressRules.Refusal(address) is { } reason)
            {
                return new Refusal(address, reason, Self: false);
            }
        }
        return null;
    }

    private bool IsOwnListener(IPAddress ip, int port)
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (bound is null)
        {
            return false;
        }
        var hosts = new List<string>();
        foreach (var address in bound)
        {
            try
            {
                var binding = BindingAddress.Parse(address);
                if (binding.Port == port)
                {
                    hosts.Add(binding.Host);
                }
            }
            catch (FormatException)
            {
            }
        }
        if (hosts.Count == 0)
        {
            return false;
        }
        return IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)
            || hosts.Any(h => SystemWebhookHostResolver.Literal(h) is { } literal && WebhookAddressRules.Canonical(literal).Equals(ip))
            || NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Any(a => WebhookAddressRules.Canonical(a.Address).Equals(ip));
    }

    private static string Truncate(string? url) => url is null ? "" : url.Length <= 200 ? url : url[..200] + "…";
}

/// A delivery attempt that the address policy stopped before any connection was made.
public sealed class WebhookTargetRefusedException(string message) : IOException(message);
