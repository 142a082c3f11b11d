using System.Net;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Gateway.Tests.Webhooks;

public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    public void Internal_IPv4_addresses_are_private(string address)
    {
        Assert.True(WebhookAddress.IsPrivate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void Internal_IPv6_addresses_and_IPv6_forms_of_internal_IPv4_ones_are_private(string address)
    {
        Assert.True(WebhookAddress.IsPrivate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.2.1")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_not_private(string address)
    {
        Assert.False(WebhookAddress.IsPrivate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook", "127.0.0.1")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://[::1]:8080/hook", "::1")]
    [InlineData("http://[::ffff:10.0.0.1]/hook", "10.0.0.1")]
    [InlineData("http://2130706433/hook", "127.0.0.1")]
    [InlineData("http://0x7f.0.0.1/hook", "127.0.0.1")]
    public void A_private_address_written_in_a_url_is_found_in_any_form_the_url_parser_reads(string url, string expected)
    {
        var found = WebhookAddress.PrivateLiteralOf(new Uri(url));

        Assert.NotNull(found);
        Assert.Equal(IPAddress.Parse(expected), found.IsIPv4MappedToIPv6 ? found.MapToIPv4() : found);
    }

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("http://[2001:4860:4860::8888]/hook")]
    public void A_public_address_or_a_host_name_in_a_url_is_left_to_delivery(string url)
    {
        Assert.Null(WebhookAddress.PrivateLiteralOf(new Uri(url)));
    }
}
