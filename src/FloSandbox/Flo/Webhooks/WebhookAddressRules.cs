using System.Net;
using System.Net.Sockets;

namespace FloSandbox.Flo.Webhooks;

/// The address ranges a webhook may never reach, whatever the port: nothing a receiver can live on, and
/// everything where cloud metadata and other host-internal services answer. Loopback and the RFC 1918
/// private ranges stay allowed (partners run receivers on their machine, their LAN or a docker network);
/// only the sandbox's own listeners among them are refused, by <see cref="WebhookUrlPolicy"/>.
public static class WebhookAddressRules
{
    private static readonly IPAddress AlibabaMetadata = IPAddress.Parse("100.100.100.200");

    /// Why no delivery may go to <paramref name="address"/>, or null when it may.
    public static string? Refusal(IPAddress address)
    {
        var ip = Canonical(address);
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            ip.TryWriteBytes(b, out _);
            return b[0] == 0 ? "an unspecified ('this host') address"
                : b[0] == 169 && b[1] == 254 ? "a link-local address (cloud metadata services such as 169.254.169.254 answer there)"
                : ip.Equals(AlibabaMetadata) ? "a cloud metadata address"
                : b[0] is >= 224 and <= 239 ? "a multicast address"
                : b[0] >= 240 ? "a reserved or broadcast address"
                : null;
        }
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }
        Span<byte> v6 = stackalloc byte[16];
        ip.TryWriteBytes(v6, out _);
        return ip.Equals(IPAddress.IPv6Any) ? "an unspecified ('this host') address"
            : ip.IsIPv6LinkLocal ? "a link-local address (fe80::/10)"
            : ip.IsIPv6SiteLocal ? "a site-local address (fec0::/10)"
            : (v6[0] & 0xfe) == 0xfc ? "a unique-local address (fc00::/7, where cloud metadata such as fd00:ec2::254 answers)"
            : ip.IsIPv6Multicast ? "a multicast address"
            : null;
    }

    /// The address a connection to <paramref name="address"/> really reaches: IPv4-mapped (::ffff:a.b.c.d),
    /// IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms are judged as the IPv4 address they carry.
    public static IPAddress Canonical(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        var compatible = b[..12].IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback);
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0;
        return compatible || nat64 ? new IPAddress(b[12..]) : address;
    }
}
