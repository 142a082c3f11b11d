using System.Net;
using System.Net.Sockets;

namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// Which IP addresses a webhook may not reach unless the operator allows it: those that lead into the operator's
/// own network or the gateway's machine rather than to a customer's server on the Internet. A customer who could set
/// a webhook to one of them would make the gateway POST wherever it chose inside (server-side request forgery: an
/// admin port on loopback, a cloud metadata service on 169.254.169.254).
/// <code>
/// IPv4 block          what                                    IPv6 block        what
/// 0.0.0.0/8           "this network", the unspecified 0.0.0.0 ::/128            unspecified
/// 10.0.0.0/8          private (RFC 1918)                      ::1/128           loopback
/// 100.64.0.0/10       carrier-grade NAT (RFC 6598)            fc00::/7          unique local (RFC 4193)
/// 127.0.0.0/8         loopback                                fe80::/10         link-local
/// 169.254.0.0/16      link-local, cloud metadata services     fec0::/10         site-local (deprecated)
/// 172.16.0.0/12       private (RFC 1918)                      ff00::/8          multicast
/// 192.0.0.0/24        IETF protocol assignments (RFC 6890)    ::ffff:0:0/96     IPv4-mapped: judged as its IPv4
/// 192.168.0.0/16      private (RFC 1918)                      ::/96             IPv4-compatible (deprecated): likewise
/// 198.18.0.0/15       benchmarking (RFC 2544)                 64:ff9b::/96      NAT64 (RFC 6052): likewise
/// 224.0.0.0/4         multicast
/// 240.0.0.0/4         reserved, and the broadcast address
/// </code>
/// </summary>
public static class WebhookAddress
{
    /// <summary>True when <paramref name="address"/> is in one of the blocks above.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPrivateIPv4(address),
            AddressFamily.InterNetworkV6 => IsPrivateIPv6(address),
            _ => true,
        };
    }

    /// <summary>
    /// When <paramref name="url"/>'s host is an IP address written out (not a name) and a private one, that address;
    /// otherwise null. A name is judged only when it is resolved, at delivery.
    /// </summary>
    public static IPAddress? PrivateLiteralOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(url.DnsSafeHost, out var address)
            && IsPrivate(address) ? address : null;
    }

    private static bool IsPrivateIPv4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => (b[1] & 0xC0) == 64,
            169 => b[1] == 254,
            172 => (b[1] & 0xF0) == 16,
            192 => (b[1] == 0 && b[2] == 0) || b[1] == 168,
            198 => (b[1] & 0xFE) == 18,
            >= 224 => true,
            _ => false,
        };
    }

    private static bool IsPrivateIPv6(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPrivateIPv4(address.MapToIPv4());
        }

        // ::/96 holds the unspecified address (as 0.0.0.0), loopback (as 0.0.0.1, in 0.0.0.0/8) and the deprecated
        // IPv4-compatible addresses.
        if (b[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPrivateIPv4(new IPAddress(b[12..]));
        }

        // 64:ff9b::/96 translates to the IPv4 address in its last four bytes.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPrivateIPv4(new IPAddress(b[12..]));
        }

        return (b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0) || b[0] == 0xFF;
    }
}
