using System.Net;
using System.Text;
using Pigeon.Server.Tests.Support;
using Pigeon.Server.Webhooks;

namespace Pigeon.Server.Tests.Webhooks;

/// <summary>
/// Webhooks through an operator's HTTP proxy (Pigeon:Webhooks:Proxy), with the private-address guard on: a public
/// destination goes through the proxy, a private one is refused before the proxy hears of it. The proxy is a real
/// listener on loopback that records what it is asked.
/// </summary>
public sealed class WebhookProxyTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RecordingProxy _proxy = RecordingProxy.Start();

    [Fact]
    public async Task A_webhook_to_a_public_address_goes_through_the_configured_proxy()
    {
        using var client = Client(new WebhookOptions { Proxy = $"http://127.0.0.1:{_proxy.Port}" });

        using var response = await client.PostAsync("http://93.184.215.14/hooks/receipt", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("POST http://93.184.215.14/hooks/receipt HTTP/1.1", Assert.Single(_proxy.RequestLines));
    }

    [Theory]
    [InlineData("http://10.0.0.1/hooks/receipt", "10.0.0.1 is a private")]
    [InlineData("http://localhost/hooks/receipt", "localhost resolves to")]
    public async Task A_webhook_to_a_private_destination_is_refused_before_the_proxy_hears_of_it(string url, string reason)
    {
        using var client = Client(new WebhookOptions { Proxy = $"http://127.0.0.1:{_proxy.Port}" });

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(url, new StringContent("{}"), Ct));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _proxy.Connections);
    }

    [Fact]
    public async Task The_credentials_in_the_proxy_url_answer_the_proxy_s_challenge()
    {
        _proxy.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("pigeon:p@ss:word"));
        using var client = Client(new WebhookOptions { Proxy = $"http://pigeon:p%40ss%3Aword@127.0.0.1:{_proxy.Port}" });

        using var response = await client.PostAsync("http://93.184.215.14/hooks/receipt", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("https://proxy.example:3128")]
    [InlineData("http://proxy.example:3128/path")]
    [InlineData("proxy.example:3128")]
    public void A_proxy_setting_that_is_not_an_http_proxy_url_is_refused_at_start_without_echoing_it(string proxy)
    {
        var errors = new WebhookOptions { Proxy = proxy }.Validate().ToArray();

        var error = Assert.Single(errors);
        Assert.StartsWith("Pigeon:Webhooks:Proxy", error, StringComparison.Ordinal);
        Assert.DoesNotContain(proxy, error, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _proxy.DisposeAsync();

    private static HttpClient Client(WebhookOptions options) => new(WebhookHttpHandler.Create(options));
}
