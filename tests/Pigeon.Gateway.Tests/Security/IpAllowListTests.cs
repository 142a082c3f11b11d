using System.Net;
using Pigeon.Gateway.Security;

namespace Pigeon.Gateway.Tests.Security;

public sealed class IpAllowListTests
{
    [Fact]
    public void An_empty_list_allows_every_address()
    {
        var list = IpAllowList.Parse([]);

        Assert.True(list.AllowsAny);
        Assert.True(list.IsAllowed(IPAddress.Parse("203.0.113.9")));
        Assert.True(list.IsAllowed(IPAddress.IPv6Loopback));
    }

    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.1", true)]
    [InlineData("192.0.2.0/24", "192.0.2.255", true)]
    [InlineData("192.0.2.0/24", "192.0.3.0", false)]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("198.51.100.7", "198.51.100.7", true)]
    [InlineData("198.51.100.7", "198.51.100.8", false)]
    [InlineData("0.0.0.0/0", "203.0.113.1", true)]
    [InlineData("192.0.2.10/24", "192.0.2.200", true)]
    [InlineData("192.0.2.128/25", "192.0.2.127", false)]
    public void IPv4_addresses_and_ranges_match(string entry, string address, bool allowed)
    {
        Assert.Equal(allowed, IpAllowList.Parse([entry]).IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("2001:db8::/32", "2001:db8:1234::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8:0:1::/64", "2001:db8:0:1:ffff::1", true)]
    [InlineData("2001:db8:0:1::/64", "2001:db8:0:2::1", false)]
    [InlineData("::1", "::1", true)]
    [InlineData("::1", "::2", false)]
    [InlineData("2001:db8::5/120", "2001:db8::ff", true)]
    public void IPv6_addresses_and_ranges_match(string entry, string address, bool allowed)
    {
        Assert.Equal(allowed, IpAllowList.Parse([entry]).IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_IPv4_client_on_a_dual_stack_socket_matches_its_IPv4_range()
    {
        var list = IpAllowList.Parse(["192.0.2.0/24"]);

        Assert.True(list.IsAllowed(IPAddress.Parse("::ffff:192.0.2.44")));
        Assert.False(list.IsAllowed(IPAddress.Parse("::ffff:198.51.100.1")));
    }

    [Fact]
    public void IPv4_ranges_do_not_match_IPv6_addresses()
    {
        Assert.False(IpAllowList.Parse(["0.0.0.0/0"]).IsAllowed(IPAddress.Parse("2001:db8::1")));
    }

    [Fact]
    public void Any_entry_of_several_allows()
    {
        var list = IpAllowList.Parse(["192.0.2.1", "2001:db8::/32", " 10.0.0.0/8 "]);

        Assert.True(list.IsAllowed(IPAddress.Parse("10.1.1.1")));
        Assert.True(list.IsAllowed(IPAddress.Parse("2001:db8::9")));
        Assert.False(list.IsAllowed(IPAddress.Parse("192.0.2.2")));
        Assert.Equal(3, list.Networks.Count);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("192.0.2.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("192.0.2.0/")]
    [InlineData("192.0.2.0/-1")]
    [InlineData("")]
    public void A_malformed_entry_is_reported(string entry)
    {
        Assert.False(IpAllowList.TryParse(["192.0.2.1", entry], out var list, out var invalid));
        Assert.Null(list);
        Assert.Equal(entry, invalid);
        Assert.Throws<FormatException>(() => IpAllowList.Parse([entry]));
    }
}
