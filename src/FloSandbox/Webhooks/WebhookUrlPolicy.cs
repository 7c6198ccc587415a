using System.Net;
using System.Net.NetworkInformation;
using FloSandbox.Platform.Errors;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FloSandbox.Webhooks;

/// Delivery targets must be absolute http(s) URLs and must not point back at the sandbox itself
/// (a loopback, wildcard or own-machine address on one of the ports the server listens on).
public sealed class WebhookUrlPolicy(IServer server)
{
    public const int MaxLength = 2048;

    public Uri Validate(string? url, string param)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw FloException.Invalid(param,
                $"{param} must be an absolute http:// or https:// URL of at most {MaxLength} characters; got '{Truncate(url)}'.");
        }
        if (PointsAtSelf(uri))
        {
            throw FloException.Invalid(param,
                $"{param} '{uri.GetLeftPart(UriPartial.Authority)}' is this sandbox's own listening address; deliveries to it would loop back into the API. Point the webhook at your receiver instead.");
        }
        return uri;
    }

    private bool PointsAtSelf(Uri uri)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return false;
        }
        foreach (var address in addresses)
        {
            BindingAddress bound;
            try
            {
                bound = BindingAddress.Parse(address);
            }
            catch (FormatException)
            {
                continue;
            }
            if (bound.Port == uri.Port && (IsLocal(uri.IdnHost) || string.Equals(Unbracket(bound.Host), uri.IdnHost, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsLocal(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.Equals(Dns.GetHostName(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(Unbracket(host), out var ip))
        {
            return false;
        }
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)
            || (ip.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip.MapToIPv4())))
        {
            return true;
        }
        return NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Any(a => a.Address.Equals(ip));
    }

    private static string Unbracket(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;

    private static string Truncate(string? url) => url is null ? "" : url.Length <= 200 ? url : url[..200] + "…";
}
