using Pigeon.Gateway.Webhooks;

namespace Pigeon.Server.Webhooks;

/// <summary>
/// The private-address guard in front of a proxy: each request's host is resolved and, when any address it stands
/// for is private, loopback, link-local or otherwise internal (<see cref="WebhookAddress"/>), the request is refused
/// before anything is sent. The proxy resolves the name again on its own; a name whose answer changes between the
/// two look-ups could still reach an internal address, which only the proxy's own rules can prevent.
/// </summary>
internal sealed class WebhookDestinationGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri?.DnsSafeHost ?? throw new InvalidOperationException("A webhook request needs an absolute URL.");
        await WebhookHttpHandler.ResolvePublicAsync(host, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
