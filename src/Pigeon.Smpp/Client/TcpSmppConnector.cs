using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Client;

/// <summary>Connects over TCP with TCP_NODELAY, trying each resolved address in turn, then TLS if asked.</summary>
internal sealed class TcpSmppConnector : ISmppConnector
{
    private readonly SmppClientOptions _options;

    public TcpSmppConnector(SmppClientOptions options) => _options = options;

    public async ValueTask<SmppTransport> ConnectAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.ConnectTimeout);
        try
        {
            var addresses = IPAddress.TryParse(_options.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(_options.Host, deadline.Token);
            SocketException? lastFailure = null;
            foreach (var address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, _options.Port), deadline.Token);
                }
                catch (SocketException ex)
                {
                    socket.Dispose();
                    lastFailure = ex;
                    continue;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                return await WrapAsync(socket, deadline.Token);
            }

            throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Connecting to {_options.Host}:{_options.Port} took longer than {_options.ConnectTimeout}.");
        }
    }

    private async Task<SmppTransport> WrapAsync(Socket socket, CancellationToken cancellationToken)
    {
        var remote = socket.RemoteEndPoint;
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_options.UseTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                var authentication = new SslClientAuthenticationOptions
                {
                    TargetHost = _options.TlsTargetHost ?? _options.Host,
                    RemoteCertificateValidationCallback = _options.RemoteCertificateValidation,
                };
                await tls.AuthenticateAsClientAsync(authentication, cancellationToken);
            }

            return SmppTransport.FromStream(stream, remote);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
