using System.Net;

namespace FloSandbox.Flo.Webhooks;

/// Turns a webhook URL's host into the addresses a connection would reach.
public interface IWebhookHostResolver
{
    /// Every address of <paramref name="host"/>; throws <see cref="System.Net.Sockets.SocketException"/> when the name does not resolve.
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

/// Resolves the way the operating system would, and a little more strictly: IP literals in any spelling
/// (`127.1`, `0x7f000001`, `2130706433`, with or without a trailing dot) are parsed as inet_aton does, and
/// `localhost`, `localhost.` and every `*.localhost` name are loopback (RFC 6761) whether or not the local
/// resolver knows them. Every other name goes to DNS.
public sealed class SystemWebhookHostResolver : IWebhookHostResolver
{
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (Literal(host) is { } literal)
        {
            return [literal];
        }
        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }
        return await Dns.GetHostAddressesAsync(host, ct);
    }

    /// The address a host string spells, if it is a literal: bracketed or bare IPv6 (a `%25`-escaped zone is
    /// dropped), or IPv4 in any of the forms inet_aton accepts.
    public static IPAddress? Literal(string host)
    {
        var text = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            var zone = text.IndexOf('%', StringComparison.Ordinal);
            return IPAddress.TryParse(zone < 0 ? text : text[..zone], out var v6) ? v6 : null;
        }
        text = text.EndsWith('.') ? text[..^1] : text;
        return text.Length > 0 && (char.IsAsciiDigit(text[^1]) || IsHexTail(text)) && IPAddress.TryParse(text, out var v4) ? v4 : null;
    }

    private static bool IsHexTail(string text)
    {
        var last = text.LastIndexOf('.') + 1;
        return text.AsSpan(last).StartsWith("0x", StringComparison.OrdinalIgnoreCase);
    }
}
