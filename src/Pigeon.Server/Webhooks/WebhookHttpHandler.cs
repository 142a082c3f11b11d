using System.Net;
using System.Net.Sockets;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Server.Webhooks;

/// <summary>
/// The HTTP handler webhooks go out through: no redirects followed, no cookies, connections renewed every two
/// minutes (so a changed DNS answer is picked up), and, unless <see cref="WebhookOptions.AllowPrivateAddresses"/>,
/// the guard against server-side request forgery. A URL's host is checked when it is set only if it is an IP address
/// written out; a name (or a name whose DNS answer changes later) is checked here, on the addresses it resolves to at
/// the moment of connecting, which are the very addresses connected to: when any of them is private, loopback,
/// link-local or otherwise internal (<see cref="WebhookAddress"/>), nothing is connected and the attempt fails with
/// the reason, recorded in the delivery log like any failed attempt. With the guard on, no proxy is used: through
/// a proxy the guard would see the proxy's address, not the endpoint's.
/// </summary>
internal static class WebhookHttpHandler
{
    public static SocketsHttpHandler Create(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseCookies = false };
        if (!options.AllowPrivateAddresses)
        {
            handler.UseProxy = false;
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }

        return handler;
    }

    /// <summary>Resolves the endpoint's host and connects to its addresses, unless one of them is private.</summary>
    public static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endPoint = context.DnsEndPoint;
        var addresses = await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        if (Array.Find(addresses, WebhookAddress.IsPrivate) is { } refused)
        {
            var what = IPAddress.TryParse(endPoint.Host, out _) ? $"{refused}" : $"{endPoint.Host} resolves to {refused}, which";
            throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"refused to connect: {what} is a private, loopback, link-local or otherwise internal address ({WebhookUrl.AllowPrivateAddressesSetting} is off)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
