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
/// the reason, recorded in the delivery log like any failed attempt. Through a configured proxy
/// (<see cref="WebhookOptions.Proxy"/>) the connection goes to the proxy, so the guard moves in front of it
/// (<see cref="WebhookDestinationGuard"/>); with the guard on and no proxy configured, no proxy is used at all.
/// </summary>
internal static class WebhookHttpHandler
{
    public static HttpMessageHandler Create(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseCookies = false };
        if (options.Proxy is { } proxy)
        {
            handler.Proxy = CreateProxy(new Uri(proxy));
            handler.UseProxy = true;
            return options.AllowPrivateAddresses ? handler : new WebhookDestinationGuard { InnerHandler = handler };
        }

        if (!options.AllowPrivateAddresses)
        {
            handler.UseProxy = false;
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }

        return handler;
    }

    /// <summary>
    /// The addresses <paramref name="host"/> stands for (an IP address written out stands for itself); throws the
    /// refusal when any of them is private, loopback, link-local or otherwise internal.
    /// </summary>
    public static async Task<IPAddress[]> ResolvePublicAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (Array.Find(addresses, WebhookAddress.IsPrivate) is { } refused)
        {
            var what = IPAddress.TryParse(host, out _) ? $"{refused}" : $"{host} resolves to {refused}, which";
            throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"refused to connect: {what} is a private, loopback, link-local or otherwise internal address ({WebhookUrl.AllowPrivateAddressesSetting} is off)");
        }

        return addresses;
    }

    /// <summary>Resolves the endpoint's host and connects to its addresses, unless one of them is private.</summary>
    public static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endPoint = context.DnsEndPoint;
        var addresses = await ResolvePublicAsync(endPoint.Host, cancellationToken);
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

    /// <summary>The proxy at <paramref name="url"/>, with the credentials its user information carries.</summary>
    private static WebProxy CreateProxy(Uri url)
    {
        var address = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
        var proxy = new WebProxy(address) { BypassProxyOnLocal = false };
        if (url.UserInfo.Length > 0)
        {
            var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = separator < 0 ? url.UserInfo : url.UserInfo[..separator];
            var password = separator < 0 ? string.Empty : url.UserInfo[(separator + 1)..];
            proxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password));
        }

        return proxy;
    }
}
