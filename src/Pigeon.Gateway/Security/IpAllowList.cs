using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Pigeon.Gateway.Security;

/// <summary>
/// The addresses an SMPP account may bind from: single addresses and CIDR ranges, IPv4 and IPv6. An empty list
/// allows every address. Host bits after the prefix are ignored ("192.168.1.10/24" means 192.168.1.0/24), as
/// operators often type the address they know. An IPv4 client seen through a dual-stack socket
/// (::ffff:192.0.2.1) is matched as the IPv4 address it is. Immutable and thread-safe: build one per account
/// snapshot.
/// </summary>
public sealed class IpAllowList
{
    private readonly IPNetwork[] _networks;

    private IpAllowList(IPNetwork[] networks) => _networks = networks;

    /// <summary>A list that allows every address.</summary>
    public static IpAllowList AllowAll { get; } = new([]);

    /// <summary>The ranges, single addresses as /32 or /128.</summary>
    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>True when the list is empty and so allows every address.</summary>
    public bool AllowsAny => _networks.Length == 0;

    /// <summary>Parses every entry.</summary>
    /// <exception cref="FormatException">An entry is neither an address nor a CIDR range.</exception>
    public static IpAllowList Parse(IEnumerable<string> entries)
    {
        if (!TryParse(entries, out var list, out var invalid))
        {
            throw new FormatException($"\"{invalid}\" is neither an IP address nor a CIDR range.");
        }

        return list;
    }

    /// <summary>Parses every entry; false with the first bad entry otherwise.</summary>
    public static bool TryParse(IEnumerable<string> entries, [NotNullWhen(true)] out IpAllowList? list, [NotNullWhen(false)] out string? invalidEntry)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (!TryParseEntry(entry, out var network))
            {
                list = null;
                invalidEntry = entry ?? string.Empty;
                return false;
            }

            networks.Add(network);
        }

        list = networks.Count == 0 ? AllowAll : new IpAllowList([.. networks]);
        invalidEntry = null;
        return true;
    }

    /// <summary>True if <paramref name="address"/> may bind.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_networks.Length == 0)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseEntry(string? entry, out IPNetwork network)
    {
        network = default;
        var text = entry.AsSpan().Trim();
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[bits / 8];
        address.TryWriteBytes(bytes, out _);
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }
}
