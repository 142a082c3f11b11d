using Pigeon.Gateway.Webhooks;

namespace Pigeon.Gateway.Tests.Webhooks;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:192.168.0.1]/hook")]
    public void A_private_address_is_refused_naming_the_setting_that_would_allow_it(string url)
    {
        var problem = WebhookUrl.Check(url, allowPrivateAddresses: false);

        Assert.NotNull(problem);
        Assert.Contains(WebhookUrl.AllowPrivateAddressesSetting, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]/hook")]
    public void A_private_address_passes_when_allowed(string url)
    {
        Assert.Null(WebhookUrl.Check(url, allowPrivateAddresses: true));
    }

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("https://203.0.114.7/hook")]
    public void A_public_address_or_a_name_passes_with_the_guard_on(string url)
    {
        Assert.Null(WebhookUrl.Check(url, allowPrivateAddresses: false));
    }

    [Fact]
    public void Allowing_private_addresses_does_not_allow_other_schemes()
    {
        Assert.NotNull(WebhookUrl.Check("ftp://127.0.0.1/hook", allowPrivateAddresses: true));
    }
}
